#!/usr/bin/env python3
"""Builds llama-perplexity task files from a plain text (the public-domain Alice text by default).

  tools/make-task-data.py TEXT OUT_DIR [--seed 13] [--hellaswag 200] [--winogrande 200]

hellaswag-alice.txt (llama-perplexity --hellaswag format, 6 lines per task): the context is one or two
sentences of the text; the endings are the sentence that really follows and three sentences drawn from
elsewhere in the text; the true ending's place (0-3) is drawn too.
winogrande-alice.csv (llama-perplexity --winogrande format): a sentence naming one of the story's
characters, that name replaced by '_'; the choices are that name and another character's, in a drawn
order. The file ends with an empty line, so llama-perplexity reads its last task too.

Every draw comes from Python's random.Random(seed): the same text and seed give the same files.
"""
import argparse
import random
import re

NAMES = ["Alice", "Rabbit", "Queen", "King", "Hatter", "Duchess", "Cat", "Mouse", "Gryphon",
         "Turtle", "Caterpillar", "Dormouse", "Hare", "Knave", "Pigeon", "Bill", "Dodo"]


def sentences(text):
    flat = re.sub(r"\s+", " ", text.replace('"', "'")).strip()
    parts = re.split(r"(?<=[.!?])'? (?=['A-Z])", flat)
    result = []
    for part in parts:
        part = part.strip()
        words = part.split(" ")
        if 4 <= len(words) <= 24 and not part.startswith("CHAPTER") and part[-1] in ".!?'":
            result.append(part)
        else:
            result.append(None)  # keeps neighbours apart: a skipped sentence breaks a passage
    return result


def hellaswag(sents, rng, count):
    usable = [i for i in range(2, len(sents)) if sents[i] and sents[i - 1] and sents[i - 2]]
    pool = [s for s in sents if s and len(s.split(" ")) <= 16]
    chosen = rng.sample(usable, count)
    lines = []
    for i in chosen:
        context = sents[i - 1] if rng.random() < 0.5 or len((sents[i - 2] + sents[i - 1]).split(" ")) > 30 \
            else sents[i - 2] + " " + sents[i - 1]
        truth = sents[i]
        distractors = []
        while len(distractors) < 3:
            other = rng.choice(pool)
            if other != truth and other not in distractors and other not in context:
                distractors.append(other)
        gold = rng.randrange(4)
        endings = distractors[:gold] + [truth] + distractors[gold:]
        lines += [context, str(gold)] + endings
    return "\n".join(lines) + "\n"


def winogrande(sents, rng, count):
    candidates = []
    for s in sents:
        if not s:
            continue
        found = [n for n in NAMES if re.search(r"\b" + n + r"\b", s)]
        if len(found) == 1 and len(re.findall(r"\b" + found[0] + r"\b", s)) == 1:
            candidates.append((s, found[0]))
    chosen = rng.sample(candidates, count)
    lines = []
    for index, (s, name) in enumerate(chosen):
        sentence = re.sub(r"\b" + name + r"\b", "_", s, count=1)
        other = rng.choice([n for n in NAMES if n != name])
        answer = rng.randrange(1, 3)
        choices = (name, other) if answer == 1 else (other, name)
        field = '"' + sentence + '"' if "," in sentence else sentence
        lines.append(f"{index},{field},{choices[0]},{choices[1]},{answer}")
    return "\n".join(lines) + "\n\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text")
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--hellaswag", type=int, default=200)
    parser.add_argument("--winogrande", type=int, default=200)
    args = parser.parse_args()
    with open(args.text, encoding="utf-8") as f:
        sents = sentences(f.read())
    rng = random.Random(args.seed)
    with open(f"{args.out_dir}/hellaswag-alice.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write(hellaswag(sents, rng, args.hellaswag))
    with open(f"{args.out_dir}/winogrande-alice.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write(winogrande(sents, rng, args.winogrande))


if __name__ == "__main__":
    main()
