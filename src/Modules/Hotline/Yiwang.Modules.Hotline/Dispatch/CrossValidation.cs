namespace Yiwang.Modules.Hotline.Dispatch;

/// <summary>
/// k-fold cross-validation of the dispatch model: stratified folds (each category spread evenly, in a fixed shuffled
/// order), a model trained on k−1 folds predicts the held-out one, and all held-out predictions make one report.
/// </summary>
internal static class CrossValidation
{
    public static ClassificationReport Run(IReadOnlyList<LabelledMessage> messages, int folds, TimeProvider clock, int seed = 7)
    {
        var random = new Random(seed);
        var fold = new int[messages.Count];
        foreach (var group in messages.Select((m, i) => (m.Label, i)).GroupBy(x => x.Label))
        {
            var order = group.Select(x => x.i).OrderBy(_ => random.Next()).ToList();
            for (var k = 0; k < order.Count; k++)
            {
                fold[order[k]] = k % folds;
            }
        }

        var pairs = new List<(string, string)>();
        for (var f = 0; f < folds; f++)
        {
            var train = messages.Where((_, i) => fold[i] != f).ToList();
            var model = DispatchModel.Train(train, clock);
            pairs.AddRange(messages.Where((_, i) => fold[i] == f).Select(m => (m.Label, model.Score(m.Title, m.Text)[0].Category)));
        }

        return ClassificationReport.Of(pairs);
    }
}
