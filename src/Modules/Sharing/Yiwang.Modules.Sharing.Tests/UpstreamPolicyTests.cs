using System.Net;
using System.Net.Sockets;
using System.Text;
using Shouldly;
using Xunit;
using Yiwang.Modules.Sharing.Calling;
using Yiwang.TestKit;

namespace Yiwang.Modules.Sharing.Tests;

public sealed class UpstreamPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("fe80::1")]
    public void Loopback_link_local_unspecified_multicast_and_broadcast_addresses_are_never_called(string address) =>
        UpstreamPolicy.Forbidden(IPAddress.Parse(address)).ShouldBeTrue();

    [Theory]
    [InlineData("10.20.30.40")]
    [InlineData("172.16.5.1")]
    [InlineData("192.168.1.10")]
    [InlineData("59.225.1.1")]
    [InlineData("2001:db8::1")]
    public void Public_and_extranet_addresses_are_called(string address) =>
        UpstreamPolicy.Forbidden(IPAddress.Parse(address)).ShouldBeFalse();

    [Fact]
    public void Loopback_is_called_only_when_the_operator_allows_it_and_metadata_addresses_never()
    {
        UpstreamPolicy.Forbidden(IPAddress.Loopback, loopbackAllowed: true).ShouldBeFalse();
        UpstreamPolicy.Forbidden(IPAddress.Parse("169.254.169.254"), loopbackAllowed: true).ShouldBeTrue();
    }

    [Fact]
    public void The_host_list_admits_named_hosts_and_the_subdomains_of_dotted_domains_only()
    {
        string[] hosts = ["api.rs.gov.test", ".zwww.test"];
        UpstreamPolicy.HostAllowed(new Uri("https://API.rs.gov.test/x"), hosts).ShouldBeTrue();
        UpstreamPolicy.HostAllowed(new Uri("https://a.b.zwww.test/x"), hosts).ShouldBeTrue();
        UpstreamPolicy.HostAllowed(new Uri("https://zwww.test/x"), hosts).ShouldBeTrue();
        UpstreamPolicy.HostAllowed(new Uri("https://evilzwww.test/x"), hosts).ShouldBeFalse();
        UpstreamPolicy.HostAllowed(new Uri("https://rs.gov.test/x"), hosts).ShouldBeFalse();
        UpstreamPolicy.HostAllowed(new Uri("https://anything.example/x"), []).ShouldBeTrue();
    }
}

/// <summary>The hub's real HTTP client against a provider URL on this machine's loopback address.</summary>
public sealed class LoopbackProviderTests(SharingApp app) : IClassFixture<SharingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_source_on_the_loopback_address_is_not_called_even_though_it_answers()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        var serving = Task.Run(async () =>
        {
            while (!_ct.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(_ct);
                Interlocked.Increment(ref connections);
                var stream = client.GetStream();
                _ = await stream.ReadAsync(new byte[4096], _ct); // one read is enough: the request fits in it and is not looked at
                var body = """[{"idNumber":"510107198511124563","name":"李武侯","insured":true}]"""u8.ToArray();
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n"), _ct);
                await stream.WriteAsync(body, _ct);
            }
        }, _ct);
        var url = $"http://127.0.0.1:{port}/persons";
        using (var direct = new HttpClient())
        {
            (await direct.GetStringAsync(url, _ct)).ShouldContain("李武侯"); // it does answer anyone who asks
        }

        (await HttpResources.PublishAsync(app, "511602-RS-LOCAL", url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.RequestAsync("511602-RS-LOCAL", ["idNumber", "name", "insured"]);
        var before = connections;

        var answer = await app.QueryAsync("511602-RS-LOCAL", new { filters = new { idNumber = "510107198511124563" }, purpose = "核验参保", caseRef = "C-1" });

        await answer.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "sharing.upstream_unavailable");
        connections.ShouldBe(before);
        listener.Stop();
        await Should.ThrowAsync<Exception>(serving);
    }
}
