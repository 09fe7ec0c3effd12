#!/usr/bin/env python3
"""Builds llama-perplexity task files from a plain text (the public-domain Alice text by default).

  tools/make-task-data.py TEXT OUT_DIR [--seed 13] [--hellaswag 200] [--winogrande 200] [--mc 100]

hellaswag-alice.txt (llama-perplexity --hellaswag format, 6 lines per task): the context is one or two
sentences of the text; the endings are the sentence that really follows and three sentences drawn from
elsewhere in the text; the true ending's place (0-3) is drawn too.
winogrande-alice.csv (llama-perplexity --winogrande format): a sentence naming one of the story's
characters, that name replaced by '_'; the choices are that name and another character's, in a drawn
order. The file ends with an empty line, so llama-perplexity reads its last task too.
mc-alice.bin (llama-perplexity --multiple-choice binary format): a sentence of the text as the question; the
answers are the sentence that follows and one to three sentences from elsewhere, the true one's place drawn.

Every draw comes from Python's random.Random(seed): the same text and seed give the same files.
"""
import argparse
import random
import re
import struct

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


def multiple_choice(sents, rng, count):
    """llama-perplexity's --multiple-choice binary format (little-endian): uint32 task count, one uint32 byte
    offset per task, then each task: the question, mc1 (uint32 answer count, the answers, one int32 label per
    answer, 1 = correct) and mc2 (the same answers again; llama-perplexity reads it but scores mc1 only).
    A string is a uint32 byte length and its UTF-8 bytes. The question is a sentence of the text; the answers are
    the sentence that follows and one to three sentences from elsewhere, so tasks have 2 to 4 answers (llama-perplexity's default -np 4 holds 4)."""
    usable = [i for i in range(1, len(sents)) if sents[i] and sents[i - 1]]
    pool = [s for s in sents if s and len(s.split(" ")) <= 16]
    bodies = []
    for i in rng.sample(usable, count):
        question, truth = sents[i - 1], sents[i]
        wrong = []
        n_wrong = rng.randrange(1, 4)
        while len(wrong) < n_wrong:
            other = rng.choice(pool)
            if other != truth and other not in wrong and other != question:
                wrong.append(other)
        gold = rng.randrange(n_wrong + 1)
        answers = wrong[:gold] + [truth] + wrong[gold:]
        answer_set = struct.pack("<I", len(answers)) + b"".join(string(a) for a in answers) \
            + b"".join(struct.pack("<i", 1 if k == gold else 0) for k in range(len(answers)))
        bodies.append(string(question) + answer_set + answer_set)
    offsets, offset = [], 4 + 4 * count
    for body in bodies:
        offsets.append(offset)
        offset += len(body)
    return struct.pack("<I", count) + b"".join(struct.pack("<I", o) for o in offsets) + b"".join(bodies)


def string(text):
    data = text.encode("utf-8")
    return struct.pack("<I", len(data)) + data


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("text")
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--hellaswag", type=int, default=200)
    parser.add_argument("--winogrande", type=int, default=200)
    parser.add_argument("--mc", type=int, default=100)
    args = parser.parse_args()
    with open(args.text, encoding="utf-8") as f:
        sents = sentences(f.read())
    rng = random.Random(args.seed)
    with open(f"{args.out_dir}/hellaswag-alice.txt", "w", encoding="utf-8", newline="\n") as f:
        f.write(hellaswag(sents, rng, args.hellaswag))
    with open(f"{args.out_dir}/winogrande-alice.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write(winogrande(sents, rng, args.winogrande))
    # Drawn after the other two, so adding it left their files as they were.
    with open(f"{args.out_dir}/mc-alice.bin", "wb") as f:
        f.write(multiple_choice(sents, rng, args.mc))


if __name__ == "__main__":
    main()
