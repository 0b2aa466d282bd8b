using System.Net;
using System.Text;
using Yiwang.Modules.Licences.Contracts;
using Yiwang.Modules.Licences.Domain;

namespace Yiwang.Modules.Licences.Rendering;

/// <summary>
/// The human-readable rendering of a licence (证照版式文件): one A4 page of self-contained HTML (no external files, so
/// it prints the same anywhere) with the face, the identifier, the issuer and a QR code linking to the public
/// verification of the signed credential with every face field disclosed, so a reader can compare paper and proof.
/// </summary>
internal static class LicenceDocument
{
    /// <summary>Fonts tried in order; the first two are the CJK fonts CI and the Debian package install.</summary>
    private const string FontStack = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Droid Sans Fallback', 'Microsoft YaHei', sans-serif";

    public static string Html(Licence licence, LicencePresentation presented, DateOnly today)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var status = licence.Status != LicenceStatus.Valid ? "（" + StatusName(licence.Status) + "）" : licence.IsExpiredOn(today) ? "（已过期）" : "";
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{E(licence.TypeName)}} {{E(licence.Identifier)}}</title>
            <style>
            @page { size: A4; margin: 18mm; }
            body { font-family: {{FontStack}}; color: #222; margin: 0; }
            .frame { border: 3px double #b22222; padding: 10mm 12mm; min-height: 240mm; box-sizing: border-box; position: relative; }
            h1 { text-align: center; font-size: 28pt; letter-spacing: 0.4em; margin: 4mm 0 8mm; color: #b22222; }
            table { width: 100%; border-collapse: collapse; font-size: 12pt; }
            th { width: 28%; text-align: left; font-weight: normal; color: #555; padding: 2.5mm 2mm; vertical-align: top; }
            td { padding: 2.5mm 2mm; border-bottom: 1px solid #eee; }
            .meta { margin-top: 10mm; font-size: 9.5pt; color: #444; }
            .mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 8.5pt; word-break: break-all; }
            .qr { position: absolute; right: 12mm; bottom: 12mm; text-align: center; font-size: 9pt; color: #555; }
            .qr img { width: 48mm; height: 48mm; image-rendering: pixelated; display: block; }
            .issuer { position: absolute; left: 12mm; bottom: 14mm; font-size: 12pt; }
            </style></head><body><div class="frame">
            <h1>{{E(licence.TypeName)}}{{E(status)}}</h1>
            <table>
            <tr><th>持证主体</th><td>{{E(licence.HolderName)}}</td></tr>
            """);
        foreach (var (name, value) in licence.Fields)
        {
            html.Append($"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>\n");
        }

        html.Append($$"""
            <tr><th>有效期</th><td>{{licence.ValidFrom:yyyy年M月d日}} 至 {{(licence.ValidUntil is { } until ? until.ToString("yyyy年M月d日") : "长期")}}</td></tr>
            </table>
            <div class="meta"><div>证照标识：<span class="mono">{{E(licence.Identifier)}}</span></div>
            <div>签发时间：{{new DateTimeOffset(licence.IssuedAtUtc, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}}（第 {{licence.Version}} 版）</div>
            <div>本文件为电子证照的版式文件。证照真伪与状态以扫码核验结果为准。</div></div>
            <div class="issuer">发证机关：{{E(licence.IssuerName)}}</div>
            <div class="qr"><img alt="核验二维码" src="data:image/png;base64,{{presented.QrPngBase64}}" data-verify-link="{{E(presented.ShortLink)}}">扫码核验</div>
            </div></body></html>
            """);
        return html.ToString();
    }

    private static string StatusName(LicenceStatus status) => status switch
    {
        LicenceStatus.Suspended => "已中止",
        LicenceStatus.Revoked => "已吊销",
        LicenceStatus.Cancelled => "已注销",
        _ => "",
    };
}
