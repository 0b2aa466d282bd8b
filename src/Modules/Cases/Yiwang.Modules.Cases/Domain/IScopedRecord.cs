namespace Yiwang.Modules.Cases.Domain;

/// <summary>A record that belongs to a department and a region, and so to the staff whose data scope covers them.</summary>
internal interface IScopedRecord
{
    string DepartmentCode { get; }

    string RegionCode { get; }
}
