namespace Blocktrack.Cluster.Tests;

/// <summary>
/// The Gateways in rotation, as a Kubernetes Service's endpoints: each request goes to the next ready one; a replacement
/// is added once it is ready and a stopping one taken out (the kubelet's SIGTERM and the endpoint removal race, so a
/// request may still reach a Gateway that is shutting down: it answers 503 <c>shutting-down</c>).
/// </summary>
public sealed class GatewayRotation(GatewayApi first)
{
    private readonly List<GatewayApi> _ready = [first];
    private int _next;

    public GatewayApi Next()
    {
        lock (_ready) return _ready[(int)((uint)Interlocked.Increment(ref _next) % _ready.Count)];
    }

    public void Add(GatewayApi gateway)
    {
        lock (_ready) _ready.Add(gateway);
    }

    public void Remove(GatewayApi gateway)
    {
        lock (_ready) _ready.Remove(gateway);
    }
}
