using Blocktrack.Gateway;

// Everything is wired in GatewayApp so tests can start the same app in-process.
var app = GatewayApp.Build(args);
app.Run();
