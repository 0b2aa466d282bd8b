using System.Text.Json.Serialization;

namespace Yiwang.Modules.Cases.Contracts;

/// <summary>Where a case (办件) is in its life (GB/T 39046 and the national exchange; see standards §2.4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseState>))]
public enum CaseState
{
    /// <summary>暂存: being filled in by the applicant, not yet submitted.</summary>
    Draft,
    /// <summary>申报: submitted, waiting for the department.</summary>
    Submitted,
    /// <summary>预审通过: pre-reviewed online, waiting for acceptance.</summary>
    PreReviewed,
    /// <summary>补齐补正: the applicant was told once what is missing; the clock stands still.</summary>
    Supplementing,
    /// <summary>受理后审查: accepted and in its review steps; the clock runs.</summary>
    InReview,
    /// <summary>特别程序: hearing, expert review, inspection…; its time is not counted.</summary>
    SpecialProcedure,
    /// <summary>已决定: 准予 or 不予 decided, waiting for completion and delivery.</summary>
    Decided,
    /// <summary>办结: completed, the result delivered.</summary>
    Completed,
    /// <summary>不予受理: refused at acceptance, with a reason.</summary>
    NotAccepted,
    /// <summary>撤回: withdrawn by the applicant before the decision.</summary>
    Withdrawn,
}

/// <summary>The time-limit traffic light (红黄绿灯) of a running case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimeLight>))]
public enum TimeLight
{
    /// <summary>The clock is not running (not yet accepted, paused, or finished).</summary>
    None,
    /// <summary>Within the limit.</summary>
    Green,
    /// <summary>A configurable share of the limit is used (预警).</summary>
    Yellow,
    /// <summary>Overdue (超期).</summary>
    Red,
}

/// <summary>The decision (决定) of a case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseDecision>))]
public enum CaseDecision
{
    /// <summary>准予 (出证办结, result code 0).</summary>
    Approved,
    /// <summary>不予许可 (result code 1): legal reasons required.</summary>
    Refused,
}

/// <summary>How the result reaches the applicant (结果送达方式).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryMethod>))]
public enum DeliveryMethod
{
    /// <summary>窗口领取.</summary>
    PickUp,
    /// <summary>邮寄.</summary>
    Post,
    /// <summary>电子送达 (result in the applicant's account).</summary>
    Electronic,
}

/// <summary>The five satisfaction levels of 好差评 (国办发〔2019〕51号); 差评 = the last two.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SatisfactionLevel>))]
public enum SatisfactionLevel
{
    /// <summary>非常满意 (GB/T 39046 A.8 code 1).</summary>
    VerySatisfied = 1,
    /// <summary>满意.</summary>
    Satisfied = 2,
    /// <summary>基本满意.</summary>
    Fair = 3,
    /// <summary>不满意.</summary>
    Dissatisfied = 4,
    /// <summary>非常不满意.</summary>
    VeryDissatisfied = 5,
}

/// <summary>How a case came in (申报来源).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseChannel>))]
public enum CaseChannel
{
    /// <summary>网上申报.</summary>
    Online,
    /// <summary>窗口受理 for a walk-in applicant (一窗受理).</summary>
    Window,
}
