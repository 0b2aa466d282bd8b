using Yiwang.Host.Cli;

return await YiwangCli.RunAsync(args);

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
