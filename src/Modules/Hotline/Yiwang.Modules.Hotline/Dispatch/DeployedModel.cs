using Microsoft.Extensions.Options;
using Yiwang.Modules.Hotline.Contracts;

namespace Yiwang.Modules.Hotline.Dispatch;

/// <summary>
/// The deployment's dispatch model, loaded from <c>Hotline:ModelPath</c> on first use and again when the files there
/// change (a retrained model takes effect without a restart).
/// </summary>
internal sealed class DeployedModel(IOptions<HotlineOptions> options)
{
    private readonly Lock _gate = new();
    private (DateTime Stamp, DispatchModel? Model) _loaded;

    public string Directory => options.Value.ModelPath;

    /// <summary>The suggestion for a message, or null when no model is trained yet.</summary>
    public CategorySuggestion? Suggest(string title, string text)
    {
        if (Current() is not { } model)
        {
            return null;
        }

        var ranked = model.Score(title, text);
        return new CategorySuggestion(ranked[0].Category, ranked[0].Confidence, ranked[0].Confidence >= options.Value.AutoDispatchConfidence, ranked);
    }

    private DispatchModel? Current()
    {
        var info = Path.Combine(Directory, "model.json");
        var stamp = File.Exists(info) ? File.GetLastWriteTimeUtc(info) : DateTime.MinValue;
        lock (_gate)
        {
            if (_loaded.Stamp != stamp || (_loaded.Model is null && stamp != DateTime.MinValue))
            {
                _loaded = (stamp, stamp == DateTime.MinValue ? null : DispatchModel.Load(Directory));
            }

            return _loaded.Model;
        }
    }
}
