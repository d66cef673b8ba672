// The loopback deployment (MultiSiloFixture) and the virtual-host one (VirtualHostsFixture) each run several silos: one
// at a time, or the two would starve each other's probes on a two-core machine and fail on false suspicions.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
