using Blocktrack.Grains.Governance;
using Blocktrack.Grains.Interfaces;
using Blocktrack.Grains.Persistence;
using Blocktrack.Grains.State;

namespace Blocktrack.Grains.Daos;

/// <summary>The root DAOs in founding order: one entry per root, so the whole list is small however many proposals run.</summary>
public sealed class DaoDirectoryGrain(
    [PersistentState(GovernanceStorage.DaoDirectoryState, GovernanceStorage.Name)] IPersistentState<DaoDirectoryState> state)
    : Grain, IDaoDirectoryGrain
{
    public async Task Register(RootDao dao)
    {
        if (state.State.Roots.Any(r => r.Path == dao.Path)) return;
        state.State.Roots.Add(dao);
        await state.WriteStateAsync();
    }

    public Task<RootDaoPage> List(int offset, int limit)
    {
        Paging.RequireProposalPage(offset, limit);
        var roots = state.State.Roots;
        return Task.FromResult(new RootDaoPage
        {
            Items = [.. roots.Skip(offset).Take(limit)], Total = roots.Count, Offset = offset, Limit = limit,
        });
    }
}
