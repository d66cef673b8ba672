using Blocktrack.Grains.Interfaces;

namespace Blocktrack.Gateway;

/// <summary>Body of <c>POST /daos</c>: where the root DAO lives and how it is founded.</summary>
public sealed record CreateRootDaoBody(string Path, CreateDaoRequest Request);
