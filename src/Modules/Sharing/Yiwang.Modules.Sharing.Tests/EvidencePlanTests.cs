using Shouldly;
using Xunit;
using Yiwang.Modules.Sharing.Evidence;

namespace Yiwang.Modules.Sharing.Tests;

/// <summary>How a batch of evidence is numbered, chained and counted against quotas before either store writes it.</summary>
public sealed class EvidencePlanTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 15, 59, 0, DateTimeKind.Utc);

    private static EvidenceEntry Call(Guid grant, int quota, string outcome = "ok") =>
        new("sys", "WH-MZ", "GA-SCJG", "R1", "name", "核验", "C1", ["digest"], outcome, 1, grant, quota);

    [Fact]
    public void Records_follow_the_head_and_each_is_chained_to_the_one_before()
    {
        var grant = Guid.NewGuid();

        var plan = EvidencePlan.Make([Call(grant, 0), Call(grant, 0)], 41, EvidenceChain.Genesis, Now, new Dictionary<Guid, int>());

        plan.Records.Select(r => r.Seq).ShouldBe([42L, 43L]);
        plan.Records[0].Hash.ShouldBe(EvidenceChain.Hash(EvidenceChain.Genesis, plan.Records[0]));
        plan.Records[1].Hash.ShouldBe(EvidenceChain.Hash(plan.Records[0].Hash, plan.Records[1]));
        (plan.LastSeq, plan.LastHash).ShouldBe((43L, plan.Records[1].Hash));
    }

    [Fact]
    public void A_call_past_the_daily_quota_is_recorded_as_refused_with_no_subjects_and_is_not_counted()
    {
        var grant = Guid.NewGuid();

        var plan = EvidencePlan.Make([Call(grant, 3), Call(grant, 3)], 0, EvidenceChain.Genesis, Now, new Dictionary<Guid, int> { [grant] = 2 });

        plan.Results.Select(r => r.WithinQuota).ShouldBe([true, false]);
        plan.Records[1].Outcome.ShouldBe("sharing.quota_exceeded");
        plan.Records[1].Subjects.ShouldBeEmpty();
        plan.Records[1].ResultCount.ShouldBe(0);
        plan.Usage[grant].ShouldBe(3);
    }

    [Fact]
    public void Refusals_and_grants_without_a_quota_are_not_counted()
    {
        var (limited, unlimited) = (Guid.NewGuid(), Guid.NewGuid());
        EvidenceEntry[] batch = [Call(limited, 5, "sharing.invalid_filter"), Call(unlimited, 0)];

        EvidencePlan.QuotaGrants(batch).ShouldBeEmpty();
        EvidencePlan.Make(batch, 0, EvidenceChain.Genesis, Now, new Dictionary<Guid, int>()).Usage.ShouldBeEmpty();
    }

    [Fact]
    public void The_quota_day_is_the_day_in_Beijing()
    {
        EvidencePlan.QuotaDay(Now).ShouldBe("20261130");
        EvidencePlan.QuotaDay(Now.AddMinutes(1)).ShouldBe("20261201");
    }
}
