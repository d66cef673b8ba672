using System.Security.Cryptography;
using System.Text;

namespace Blocktrack.Silo.Storage.Postgres;

/// <summary>One file of deploy/sql; its hash tells the migrator whether the database already has this exact version.</summary>
public sealed record SchemaScript(string Name, string Sql)
{
    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
