using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using Xunit;
using Yiwang.Modules.Hotline.HotSpots;
using Yiwang.Modules.Hotline.Tests.Tickets;
using Yiwang.TestKit;

namespace Yiwang.Modules.Hotline.Tests.HotSpots;

/// <summary>Hot spots: the same problem in the same place within the window, ranked by the stated heat.</summary>
public sealed class HotSpotFinderTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    private static HotSpotInput Message(string id, string title, string text, double daysAgo, int votes = 0) => new(id, title, text, Now.AddDays(-daysAgo), votes);

    [Fact]
    public void Messages_about_one_problem_in_one_place_form_one_hot_spot_and_other_places_do_not_join_it()
    {
        var spots = HotSpotFinder.Find(
        [
            Message("1", "丽发新城附近搅拌站噪音扰民", "A2区丽发新城小区旁边的搅拌站日夜施工，噪音和粉尘很大", 10, votes: 3),
            Message("2", "投诉丽发新城搅拌站噪音", "丽发新城附近搅拌站噪音扰民，晚上无法休息", 6),
            Message("3", "丽发新城搅拌站夜间施工扰民", "丽发新城小区旁的搅拌站夜里施工，噪音扰民无法休息", 2),
            Message("4", "金麓小区工地噪音", "金麓小区旁边的工地夜间施工，噪音很大", 3),
            Message("5", "丽发新城停车难", "丽发新城小区停车位不足，能否增加车位", 4),
        ], TimeSpan.FromDays(30), 10);

        var top = spots.ShouldHaveSingleItem();
        top.Place.ShouldBe("丽发新城");
        top.Ids.ShouldBe(["1", "2", "3"]);
        top.Votes.ShouldBe(3);
        top.Heat.ShouldBe(HotSpotFinder.Heat([Message("1", "", "", 10, 3), Message("2", "", "", 6), Message("3", "", "", 2)], Now.AddDays(-2)), 1e-9);
    }

    [Fact]
    public void Heat_counts_each_message_once_adds_votes_slowly_and_halves_every_thirty_days()
    {
        var newest = Now;
        HotSpotFinder.Heat([Message("a", "", "", 0)], newest).ShouldBe(1, 1e-9);
        HotSpotFinder.Heat([Message("a", "", "", 0, votes: 3)], newest).ShouldBe(3, 1e-9);
        HotSpotFinder.Heat([Message("a", "", "", 30)], newest).ShouldBe(0.5, 1e-9);
    }

    [Fact]
    public void Generic_words_like_our_estate_are_no_place()
    {
        HotSpotFinder.Places("我们小区门口的路灯坏了").ShouldBeEmpty();
        HotSpotFinder.Places("A市A3区联丰路米兰春天").ShouldContain("联丰路");
    }

    [Fact]
    public void On_the_shared_messages_with_votes_the_hottest_spot_is_the_mixing_plant_at_lifa_xincheng()
    {
        var path = RepositoryPaths.SharedData("hotline/messages_with_votes.csv");
        Assert.SkipWhen(path is null, "../shared/data/hotline is not beside the repository");

        var spots = HotSpotFinder.Find(HotSpotCsv.Read(path!)!, TimeSpan.FromDays(30), 5);

        spots[0].Place.ShouldBe("丽发新城");
        spots[0].Count.ShouldBeGreaterThan(20);
    }
}

/// <summary>Hot spots over the platform's own tickets, through the API.</summary>
public sealed class HotSpotApiTests(TicketsApp app) : IClassFixture<TicketsApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_agent_sees_repeated_calls_about_one_streetlight_as_a_hot_spot_and_a_citizen_may_not_look()
    {
        var agent = await app.AsAsync("HOTLINE-AGENT");
        foreach (var (title, caller) in new[] { ("建设路路灯不亮", "13800002001"), ("建设路路灯坏了", "13800002002"), ("建设路晚上路灯不亮很危险", "13800002003") })
        {
            (await agent.PostAsJsonAsync("/api/v1/hotline/tickets", new
            {
                kind = "Complaint", title, text = "广安区建设路的路灯坏了好几天，晚上路灯不亮出行很不安全", regionCode = "511602", callerName = "市民", callerPhone = caller,
            }, _ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var spots = await agent.GetFromJsonAsync<JsonElement>("/api/v1/hotline/hotspots?days=7", _ct);
        var spot = spots.EnumerateArray().First(s => s.GetProperty("place").GetString() == "建设路");
        spot.GetProperty("count").GetInt32().ShouldBe(3);
        spot.GetProperty("tickets").GetArrayLength().ShouldBe(3);

        await (await (await app.AsAsync(TicketsApp.Citizen)).GetAsync("/api/v1/hotline/hotspots", _ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "hotline.not_staff");
        await (await agent.GetAsync("/api/v1/hotline/hotspots?days=0", _ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "hotline.invalid_days");
    }
}
