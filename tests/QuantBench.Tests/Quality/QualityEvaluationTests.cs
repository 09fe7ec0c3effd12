using QuantBench.Progress;
using QuantBench.Quality;

namespace QuantBench.Tests.Quality;

public sealed class QualityEvaluationTests : IDisposable
{
    private const int Bos = 1;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static void Uniform(ReadOnlySpan<int> chunk, int position, Span<float> row) => row.Fill(0);

    // Sharpens towards the token after the current one, so scores depend on what is evaluated.
    private static void FavoursNext(ReadOnlySpan<int> chunk, int position, Span<float> row)
    {
        row.Fill(0);
        row[(chunk[position] + 1) % row.Length] = 2;
    }

    private string Text(string content)
    {
        string path = temp.File("text.txt");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Chunks_start_with_bos_and_only_their_second_half_is_scored()
    {
        // Tokenizes to BOS + 10 characters = 11 tokens: two whole chunks of 4, the rest dropped.
        var model = new ScriptedLogitsEvaluator(128, Bos, Uniform);
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 4, QualityTokens = 1000 });
        var result = evaluation.EvaluateBaseline(model, QualityTextSource.FromFile(Text("abcdefghij")), temp.File("store"), null, CancellationToken.None);

        Assert.Equal(2, model.Chunks.Count);
        Assert.Equal(new int[] { Bos, 'a', 'b', 'c' }, model.Chunks[0].Tokens.ToArray());
        Assert.Equal(new int[] { Bos, 'e', 'f', 'g' }, model.Chunks[1].Tokens.ToArray()); // 'd' was replaced by BOS
        Assert.All(model.Chunks, c => Assert.Equal(2, c.FirstScored));
        Assert.Equal(2, result.Chunks);
        Assert.Equal(2, result.ScoredTokens); // n_ctx - 1 - n_ctx/2 = 1 per chunk
        Assert.Equal(128, result.Perplexity.Perplexity, 6);
        Assert.Null(result.KlDivergence);
    }

    [Fact]
    public void Stored_tokens_keep_the_text_and_each_model_replaces_the_first_with_its_own_bos()
    {
        var baseline = new ScriptedLogitsEvaluator(128, Bos, Uniform);
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 4, QualityTokens = 1000 });
        string store = temp.File("store");
        evaluation.EvaluateBaseline(baseline, QualityTextSource.FromFile(Text("abcdefghij")), store, null, CancellationToken.None);

        var noBos = new ScriptedLogitsEvaluator(128, null, Uniform);
        evaluation.EvaluateAgainst(store, noBos, null, CancellationToken.None);
        Assert.Equal(new int[] { 'd', 'e', 'f', 'g' }, noBos.Chunks[1].Tokens.ToArray());
    }

    [Fact]
    public void Token_budget_caps_the_number_of_evaluated_chunks()
    {
        var model = new ScriptedLogitsEvaluator(128, Bos, Uniform);
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 4, QualityTokens = 9 });
        var result = evaluation.EvaluateBaseline(model, QualityTextSource.FromFile(Text(new string('x', 40))), temp.File("store"), null, CancellationToken.None);

        Assert.Equal(2, result.Chunks);
        Assert.Equal(2, model.Chunks.Count);
    }

    [Fact]
    public void A_text_shorter_than_two_contexts_is_refused_with_its_file_name()
    {
        var model = new ScriptedLogitsEvaluator(128, Bos, Uniform);
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 8, QualityTokens = 1000 });
        var error = Assert.Throws<QualityEvaluationException>(() =>
            evaluation.EvaluateBaseline(model, QualityTextSource.FromFile(Text("short")), temp.File("store"), null, CancellationToken.None));

        Assert.Contains("text.txt", error.Message);
        Assert.Contains("16", error.Reason);
        Assert.False(File.Exists(temp.File("store")));
    }

    [Fact]
    public void A_model_against_its_own_baseline_has_zero_divergence_and_the_same_perplexity()
    {
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 8, QualityTokens = 10_000 });
        string text = Text(string.Concat(Enumerable.Range(0, 300).Select(i => (char)('a' + i * 7 % 26))));
        string store = temp.File("store");
        var baseline = evaluation.EvaluateBaseline(new ScriptedLogitsEvaluator(64, Bos, FavoursNext), QualityTextSource.FromFile(text), store, null, CancellationToken.None);
        var same = evaluation.EvaluateAgainst(store, new ScriptedLogitsEvaluator(64, Bos, FavoursNext), null, CancellationToken.None);
        var other = evaluation.EvaluateAgainst(store, new ScriptedLogitsEvaluator(64, Bos, Uniform), null, CancellationToken.None);

        Assert.Equal(baseline.Perplexity.Perplexity, same.Perplexity.Perplexity, 4);
        Assert.Equal(0, same.KlDivergence!.MeanKld, 6);
        Assert.Equal(1, same.KlDivergence.SameTopTokenShare);
        Assert.Equal(64, other.Perplexity.Perplexity, 4);
        Assert.True(other.KlDivergence!.MeanKld > 0.1);
        Assert.Equal(baseline.ScoredTokens, other.ScoredTokens);
        Assert.Equal("text.txt", other.SourceDescription);
    }

    [Fact]
    public void A_model_with_another_vocabulary_is_refused()
    {
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 4, QualityTokens = 1000 });
        string store = temp.File("store");
        evaluation.EvaluateBaseline(new ScriptedLogitsEvaluator(128, Bos, Uniform), QualityTextSource.FromFile(Text("abcdefghij")), store, null, CancellationToken.None);

        var error = Assert.Throws<QualityEvaluationException>(() =>
            evaluation.EvaluateAgainst(store, new ScriptedLogitsEvaluator(100, Bos, Uniform), null, CancellationToken.None));
        Assert.Contains("vocabulary", error.Reason);
    }

    [Fact]
    public void Sampled_text_comes_from_the_baseline_is_reproducible_and_says_so()
    {
        var options = new QualityOptions { ContextTokens = 16, QualityTokens = 48 };
        var source = QualityTextSource.SampledFromBaseline(seed: 42);
        var first = new ScriptedLogitsEvaluator(32, Bos, FavoursNext);
        var second = new ScriptedLogitsEvaluator(32, Bos, FavoursNext);
        var progress = new List<QualityProgress>();
        var result = new QualityEvaluation(options).EvaluateBaseline(first, source, temp.File("a"), new SynchronousProgress(progress), CancellationToken.None);
        new QualityEvaluation(options).EvaluateBaseline(second, source, temp.File("b"), null, CancellationToken.None);

        Assert.Equal("sampled from the baseline, seed 42, temperature 1", result.SourceDescription);
        Assert.Equal(3, result.Chunks);
        Assert.Equal(first.Chunks.SelectMany(c => c.Tokens), second.Chunks.SelectMany(c => c.Tokens));
        Assert.NotEqual(first.Chunks[0].Tokens.ToArray(), first.Chunks[1].Tokens.ToArray());
        Assert.Contains(new QualityProgress(QualityStage.SamplingText, 3, 3), progress);
        Assert.Equal(new QualityProgress(QualityStage.EvaluatingChunks, 3, 3), progress[^1]);
    }

    [Fact]
    public void Options_report_every_problem_at_once()
    {
        var problems = new QualityOptions { ContextTokens = 2, QualityTokens = 1 }.Validate();
        Assert.Equal(2, problems.Length);
        Assert.Throws<ArgumentException>(() => new QualityEvaluation(new QualityOptions { ContextTokens = 2 }));
    }

    [Fact]
    public void Cancellation_stops_the_evaluation_and_leaves_no_store()
    {
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 4, QualityTokens = 1000 });
        Assert.Throws<OperationCanceledException>(() =>
            evaluation.EvaluateBaseline(new ScriptedLogitsEvaluator(128, Bos, Uniform), QualityTextSource.FromFile(Text("abcdefghij")), temp.File("store"), null, new CancellationToken(canceled: true)));

        Assert.Empty(Directory.GetFiles(temp.Path, "store*"));
    }

    /// <summary>Records reports on the calling thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<QualityProgress> reports) : IProgress<QualityProgress>
    {
        public void Report(QualityProgress value) => reports.Add(value);
    }

    // Depends on the position and the chunk's tokens, so a row written to the wrong place changes the figures.
    private static void PositionDependent(ReadOnlySpan<int> chunk, int position, Span<float> row)
    {
        row.Fill(0);
        row[(chunk[position] + position) % row.Length] = 1.5f;
        row[chunk[0] % row.Length] += 0.5f;
    }

    [Fact]
    public void Chunks_evaluated_several_per_call_give_exactly_the_figures_of_one_per_call()
    {
        var evaluation = new QualityEvaluation(new QualityOptions { ContextTokens = 8, QualityTokens = 10_000 });
        string text = Text(string.Concat(Enumerable.Range(0, 300).Select(i => (char)('a' + i * 7 % 26)))); // 37 chunks
        var oneBase = new ScriptedLogitsEvaluator(64, Bos, FavoursNext);
        var fourBase = new ScriptedLogitsEvaluator(64, Bos, FavoursNext) { ChunksPerCall = 4 };
        var one = evaluation.EvaluateBaseline(oneBase, QualityTextSource.FromFile(text), temp.File("store1"), null, CancellationToken.None);
        var four = evaluation.EvaluateBaseline(fourBase, QualityTextSource.FromFile(text), temp.File("store4"), null, CancellationToken.None);
        var oneModel = new ScriptedLogitsEvaluator(64, Bos, PositionDependent);
        var fourModel = new ScriptedLogitsEvaluator(64, Bos, PositionDependent) { ChunksPerCall = 4 };
        var oneAgainst = evaluation.EvaluateAgainst(temp.File("store1"), oneModel, null, CancellationToken.None);
        var fourAgainst = evaluation.EvaluateAgainst(temp.File("store1"), fourModel, null, CancellationToken.None);

        Assert.Equal(37, one.Chunks);
        Assert.Equal((37, 10), (oneBase.Calls, fourBase.Calls));
        Assert.Equal(10, fourModel.Calls);
        Assert.Equal(one.Perplexity, four.Perplexity);
        Assert.Equal(File.ReadAllBytes(temp.File("store1")), File.ReadAllBytes(temp.File("store4")));
        Assert.Equal(oneModel.Chunks.Select(c => string.Join(',', c.Tokens)), fourModel.Chunks.Select(c => string.Join(',', c.Tokens)));
        Assert.Equal(oneAgainst.Perplexity, fourAgainst.Perplexity);
        Assert.Equal(oneAgainst.KlDivergence, fourAgainst.KlDivergence);
        Assert.True(oneAgainst.KlDivergence!.MeanKld > 0.01);
    }
}
