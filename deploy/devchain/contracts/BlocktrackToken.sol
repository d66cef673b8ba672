// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// @title Blocktrack (BTK), the voting token of the Blocktrack DAO.
/// @notice ERC20Votes checkpoints keyed by block timestamp (ERC-6372 "mode=timestamp"), because the
/// governance cluster snapshots voting power at a unix time shared by every chain it mirrors.
contract BlocktrackToken is ERC20, ERC20Permit, ERC20Votes, Ownable {
    constructor(address initialOwner) ERC20("Blocktrack", "BTK") ERC20Permit("Blocktrack") Ownable(initialOwner) {}

    /// @notice Mints new BTK; the owner is the deployer on a devnet and the treasury's timelock in production.
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    /// @notice The ERC-6372 clock: checkpoints and snapshots are unix seconds, not block numbers.
    function clock() public view override returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice Tells ERC-6372 readers (Governor, indexers, the cluster) that the clock is a timestamp.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override returns (string memory) {
        return "mode=timestamp";
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
