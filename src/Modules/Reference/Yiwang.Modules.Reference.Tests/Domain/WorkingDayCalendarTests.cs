using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;
using Yiwang.Modules.Reference.Domain;
using Yiwang.Modules.Reference.Seeding;

namespace Yiwang.Modules.Reference.Tests.Domain;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(ShippedData.HolidayDays().GroupBy(d => d.Date).Select(g => (g.Key, g.Last().IsOffDay)));
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    // Instants from 2008 to 2026 at any minute of the day, so that results stay inside the shipped holiday years.
    private static Arbitrary<DateTimeOffset> Instants() =>
        Gen.Choose(0, 19 * 365 * 24 * 60).Select(m => new DateTimeOffset(2008, 1, 1, 0, 0, 0, Shanghai).AddMinutes(m)).ToArbitrary();

    private static Arbitrary<int> Days() => Gen.Choose(0, 250).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Counting_the_working_days_up_to_the_result_of_adding_n_gives_n() =>
        Prop.ForAll(Instants(), Days(), (from, n) => Calendar.CountWorkingDays(from, Calendar.AddWorkingDays(from, n)) == n);

    [Property(MaxTest = 300)]
    public Property Adding_at_least_one_working_day_lands_on_a_working_day_at_the_same_time_of_day() =>
        Prop.ForAll(Instants(), Gen.Choose(1, 250).ToArbitrary(), (from, n) =>
        {
            var result = Calendar.AddWorkingDays(from, n);
            return Calendar.IsWorkingDay(DateOnly.FromDateTime(result.ToOffset(Shanghai).DateTime))
                && result.ToOffset(Shanghai).TimeOfDay == from.ToOffset(Shanghai).TimeOfDay;
        });

    [Property(MaxTest = 300)]
    public Property Adding_in_two_steps_is_the_same_as_adding_at_once() =>
        Prop.ForAll(Instants(), Days(), Days(), (from, a, b) =>
            Calendar.AddWorkingDays(Calendar.AddWorkingDays(from, a), b) == Calendar.AddWorkingDays(from, a + b));

    [Property(MaxTest = 300)]
    public Property More_working_days_never_end_earlier() =>
        Prop.ForAll(Instants(), Days(), (from, n) => Calendar.AddWorkingDays(from, n + 1) > Calendar.AddWorkingDays(from, n));

    [Property(MaxTest = 300)]
    public Property Counting_backwards_is_the_negative_of_counting_forwards() =>
        Prop.ForAll(Instants(), Instants(), (a, b) => Calendar.CountWorkingDays(a, b) == -Calendar.CountWorkingDays(b, a));

    [Fact]
    public void One_working_day_after_the_eve_of_national_day_2024_is_the_eighth_of_october()
    {
        var result = Calendar.AddWorkingDays(new DateTimeOffset(2024, 9, 30, 9, 0, 0, Shanghai), 1);

        result.ShouldBe(new DateTimeOffset(2024, 10, 8, 9, 0, 0, Shanghai));
    }

    [Fact]
    public void An_adjusted_sunday_is_a_working_day_and_a_holiday_monday_is_not()
    {
        Calendar.IsWorkingDay(new DateOnly(2024, 9, 29)).ShouldBeTrue();
        Calendar.IsWorkingDay(new DateOnly(2024, 10, 7)).ShouldBeFalse();
        Calendar.IsWorkingDay(new DateOnly(2025, 1, 29)).ShouldBeFalse();
    }

    [Fact]
    public void An_instant_in_utc_is_counted_on_its_shanghai_date()
    {
        // 2024-09-29T20:00Z is already Monday 30 September in Shanghai.
        var result = Calendar.AddWorkingDays(new DateTimeOffset(2024, 9, 29, 20, 0, 0, TimeSpan.Zero), 1);

        result.ToOffset(Shanghai).Date.ShouldBe(new DateTime(2024, 10, 8));
    }

    [Fact]
    public void Every_year_from_2007_to_2026_is_covered_and_2027_awaits_its_official_notice()
    {
        // The shipped 2027 file is empty: the State Council had not yet published 2027's holidays.
        Enumerable.Range(2007, 20).All(Calendar.CoveredYears.Contains).ShouldBeTrue();
        Calendar.CoveredYears.ShouldNotContain(2027);
    }
}
