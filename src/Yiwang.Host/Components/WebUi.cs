using Microsoft.AspNetCore.Localization;
using Yiwang.Kernel.Http;
using Yiwang.Modules.Reference.Contracts;

namespace Yiwang.Host.Components;

/// <summary>The small non-page endpoints of the web UI: the stylesheet, switching language and remembering a region.</summary>
internal static class WebUi
{
    private static readonly Lazy<byte[]> Stylesheet = new(() =>
    {
        using var stream = typeof(WebUi).Assembly.GetManifestResourceStream("site.css")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static void MapWebUi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/css/site.css", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(Stylesheet.Value, "text/css; charset=utf-8");
        }).ExcludeFromDescription();

        app.MapGet("/lang/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = culture == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
        }).ExcludeFromDescription();

        app.MapGet("/region/select", (string? code, IReferenceApi reference, HttpContext http) =>
        {
            if (!string.IsNullOrEmpty(code) && reference.FindRegion(code) is { } region)
            {
                http.Response.Cookies.Append("region", region.Code, new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }
            else
            {
                http.Response.Cookies.Delete("region");
            }

            return Results.LocalRedirect("/");
        }).ExcludeFromDescription();
    }
}
