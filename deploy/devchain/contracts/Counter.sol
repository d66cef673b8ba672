// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title A target for executed proposals: its number changes only through its owner (the timelock on a devnet DAO).
contract Counter is Ownable {
    /// @notice Upper bound for setNumber, so tests can provoke a revert with an Error(string) reason.
    uint256 public constant MAX_NUMBER = 1_000_000;

    uint256 public number;

    event NumberChanged(uint256 previous, uint256 current, address indexed by);

    constructor(address initialOwner) Ownable(initialOwner) {}

    function setNumber(uint256 newNumber) external onlyOwner {
        require(newNumber <= MAX_NUMBER, "Counter: above maximum");
        _set(newNumber);
    }

    function increment() external onlyOwner {
        _set(number + 1);
    }

    /// @notice Below zero this panics with 0x11 (checked arithmetic), which the RPC tests rely on.
    function decrement() external onlyOwner {
        _set(number - 1);
    }

    function _set(uint256 newNumber) private {
        emit NumberChanged(number, newNumber, msg.sender);
        number = newNumber;
    }
}
