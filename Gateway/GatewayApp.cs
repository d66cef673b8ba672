using Blocktrack.Chain;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Silo;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace Blocktrack.Gateway;

/// <summary>Builds the Gateway: an ASP.NET Core app that is an Orleans client (or co-hosts a silo) of the governance cluster.</summary>
public static class GatewayApp
{
    /// <summary>Where the Orleans Dashboard is served when <c>Orleans:Dashboard:Enabled</c> is true.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// The app, ready to run. <paramref name="configure"/> runs first, so tests can override configuration
    /// (URLs, ports, keys) and register services such as a fake <see cref="TimeProvider"/> that everything below respects.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var services = builder.Services;

        services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.Section))
            .Validate(GatewayOptions.IsValid, GatewayOptions.ValidationMessage).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OperatorApiKey>();
        // One recovery instance for the whole process: it is the hot path and the native context is costly to create.
        services.AddSingleton(SignatureRecovery.CreateFastest());
        services.AddSingleton<SigningSchema>();
        services.AddSingleton<SignatureVerifier>();
        services.AddSingleton<BallotRouter>();
        services.AddSingleton<ProposalFeedHub>();
        services.AddEdgeLimits(builder.Configuration);
        services.AddGracefulShutdown(builder.Configuration);
        services.AddHostedService<DrainDelay>();

        services.ConfigureHttpJsonOptions(json => GovernanceJson.Configure(json.SerializerOptions));
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<GatewayOptions>>(
            (kestrel, gateway) => kestrel.Limits.MaxRequestBodySize = gateway.Value.MaxRequestBodyBytes);
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            Problems.Complete(context.ProblemDetails, context.HttpContext.Request);
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<GatewayExceptionHandler>();
        services.AddOpenApi(OpenApiSetup.Configure);

        builder.AddGovernanceTelemetry("blocktrack-gateway");
        builder.AddGovernanceCluster();

        var app = builder.Build();
        // The client address first (the limits count it), problems next (refusals below are answered as problems).
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<DrainingMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<AuditContextMiddleware>();
        app.UseMiddleware<OperatorKeyMiddleware>();

        app.MapSystemEndpoints();
        app.MapOperatorEndpoints();
        app.MapDaoEndpoints();
        app.MapDaoActionEndpoints();
        app.MapPersonhoodEndpoints();
        app.MapProposalEndpoints();
        app.MapProposalActionEndpoints();
        app.MapBallotBatchEndpoints();
        app.MapProposalEventsEndpoint();
        app.MapVoterEndpoints();
        app.MapReputationEndpoints();
        app.MapParticipationEndpoints();
        app.MapChainEndpoints();
        app.MapAnchorEndpoints();
        app.MapAuditEndpoints();
        app.MapGrantEndpoints();
        app.MapAnalyticsEndpoints();
        app.MapDaoRouteFallbacks();
        if (SiloConfiguration.DashboardEnabled(app.Configuration))
            app.MapOrleansDashboard(DashboardPath).RequireOperator(OperatorScopes.Dashboard);
        app.MapWebApp();

        StartupBanner.PrintOnStart(app);
        return app;
    }
}
