using Blocktrack.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- <client|gateway|embedded|anchor|feed|sse|million|counting|distribution|epoch|analytics|all>
//   [--ballots N] [--silos N] ...
// Each cluster scenario starts its own PostgreSQL and silo processes (and the Gateway when it needs one); counting times the
// pure tally rules alone; epoch closes one reward epoch in an in-process silo on a fake clock. All print figures and assert
// nothing. analytics builds a DAO of 100,000 voters and 1,000 proposals in-process and times one update and each report.
var options = BenchmarkOptions.Parse(args);
Console.WriteLine("Blocktrack benchmarks: " + string.Join(" ", args));
foreach (var (name, value) in MachineInfo.Read()) Console.WriteLine($"  {name}: {value}");

var figures = new List<string>();
if (options.Scenario is "client" or "all")
    figures.Add($"client → shards: {await ClientScenario.Run(options)}");
if (options.Scenario is "gateway" or "all")
    figures.Add($"HTTP → Gateway: {await GatewayScenario.Run(options)}");
if (options.Scenario is "feed" or "all")
{
    foreach (var (path, figure) in await FeedScenario.Run(options)) figures.Add($"power feed, {path}: {figure}");
}
if (options.Scenario is "embedded" or "all")
    figures.Add($"HTTP → Gateway, embedded profile: {await GatewayScenario.RunEmbedded(options)}");
if (options.Scenario is "anchor" or "all")
    figures.Add($"anchor: {await AnchorScenario.Run(options)}");
if (options.Scenario is "sse" or "all")
    figures.Add($"live tallies: {await SseScenario.Run(options)}");
if (options.Scenario is "million" or "all")
    figures.Add($"one proposal: {await MillionScenario.Run(options)}");
if (options.Scenario is "counting" or "all")
    figures.Add($"counting rules: {CountingScenario.Run()}");
if (options.Scenario is "distribution" or "all")
    figures.Add($"power distribution: {DistributionScenario.Run(options)}");
if (options.Scenario is "epoch" or "all")
    figures.Add($"reward epoch: {await EpochScenario.Run(options)}");
if (options.Scenario is "analytics" or "all")
    figures.Add($"analytics: {await AnalyticsScenario.Run(options)}");
if (figures.Count == 0)
{
    Console.Error.WriteLine($"Unknown scenario '{options.Scenario}': use client, gateway, embedded, anchor, feed, sse, million, counting, "
        + "distribution, epoch, analytics or all.");
    return 1;
}

Console.WriteLine();
Console.WriteLine("Figures");
foreach (var line in figures) Console.WriteLine("  " + line);
return 0;
