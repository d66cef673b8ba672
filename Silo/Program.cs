using Blocktrack.Silo;

// A silo on its own (the cluster profile runs several); the Gateway co-hosts one in the embedded profile.
var builder = WebApplication.CreateBuilder(args);
if (args is [MigrateCommand.Name, ..]) return await MigrateCommand.RunAsync(builder.Configuration);

builder.AddGovernanceTelemetry("blocktrack-silo");
builder.Services.AddGracefulShutdown(builder.Configuration);
builder.UseOrleans(silo => silo.ConfigureGovernanceSilo(builder.Configuration));

var app = builder.Build();
app.MapPrometheusScrapingEndpoint();
app.MapSiloProbes();
await app.RunAsync();
return 0;
