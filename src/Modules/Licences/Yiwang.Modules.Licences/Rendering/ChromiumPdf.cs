using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Yiwang.Modules.Licences.Rendering;

/// <summary>
/// Prints HTML to PDF with a headless Chromium (Debian's <c>chromium</c> package). Chosen over a .NET PDF library
/// because none in our registry both handles Chinese well and has a permissive licence: QuestPDF is missing, PDFsharp
/// is AGPL and fails on the CJK font collection, SkiaSharp embeds whole fonts (2 MB a page). Chromium subsets the
/// font (about 60 KB a page) and typesets Chinese properly. At most two prints run at once; each has a time limit.
/// </summary>
internal sealed class ChromiumPdf(IOptions<LicencesOptions> options, ILogger<ChromiumPdf> logger)
{
    private static readonly SemaphoreSlim Gate = new(2);

    public bool IsAvailable => File.Exists(options.Value.ChromiumPath);

    /// <summary>The PDF of the page, or null when Chromium is missing, fails or runs past its time.</summary>
    public async Task<byte[]?> PrintAsync(string html, CancellationToken ct)
    {
        if (!IsAvailable)
        {
            return null;
        }

        var work = Directory.CreateTempSubdirectory("yiwang-pdf-");
        await Gate.WaitAsync(ct);
        try
        {
            var page = Path.Combine(work.FullName, "licence.html");
            var pdf = Path.Combine(work.FullName, "licence.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(options.Value.ChromiumPath)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-pdf-header-footer", "--user-data-dir=" + Path.Combine(work.FullName, "profile"), "--print-to-pdf=" + pdf,
                new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            _ = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                logger.LogWarning("Chromium did not print the licence within 30 s");
                return null;
            }

            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                var text = await errors;
                logger.LogWarning("Chromium could not print the licence (exit {Code}): {Errors}", process.ExitCode, text[..Math.Min(500, text.Length)]);
                return null;
            }

            return await File.ReadAllBytesAsync(pdf, ct);
        }
        finally
        {
            Gate.Release();
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temporary directory is cleaned by the system.
            }
        }
    }
}
