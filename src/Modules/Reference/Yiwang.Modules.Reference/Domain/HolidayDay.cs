namespace Yiwang.Modules.Reference.Domain;

/// <summary>
/// One day the official calendar changes: a holiday (法定节假日, <see cref="IsOffDay"/>) or an adjusted working day
/// (调休上班日, a weekend day that is worked).
/// </summary>
internal sealed class HolidayDay
{
    private HolidayDay()
    {
    }

    public DateOnly Date { get; private set; }
    public bool IsOffDay { get; private set; }
    public string Name { get; private set; } = "";

    public static HolidayDay Create(DateOnly date, bool isOffDay, string name) =>
        new() { Date = date, IsOffDay = isOffDay, Name = name };

    public void Change(bool isOffDay, string name)
    {
        IsOffDay = isOffDay;
        Name = name;
    }
}
