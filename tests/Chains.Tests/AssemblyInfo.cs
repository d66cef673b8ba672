// The collections share two chains whose clocks, snapshots and nodes the tests move: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
