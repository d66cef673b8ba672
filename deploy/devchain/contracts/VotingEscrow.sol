// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title Vote-escrowed BTK (veBTK): voting power for BTK locked until a chosen week.
/// @notice A lock of `amount` until `unlockTime` weighs slope * (unlockTime - t) at time t, where
/// slope = amount / MAXTIME rounded down, and nothing from the unlock on: four years of lock give about the amount,
/// one year a quarter of it, and the power falls linearly to zero. Unlock times are whole weeks (rounded down) at most
/// MAXTIME ahead. Every read takes a unix timestamp (ERC-6372 "mode=timestamp", like BTK), for any past moment.
/// @dev The supply is kept as points (bias = total power, slope = its fall per second) plus the slope that ends at
/// each week boundary; between boundaries it is linear, so any past total follows from the last point before it and
/// at most MAXTIME / WEEK boundaries. All of it is exact integer arithmetic: the total is the sum of the owners' powers
/// to the wei, and the governance cluster recomputes both from LockChanged with the same integers.
contract VotingEscrow {
    using SafeERC20 for IERC20;

    uint256 public constant WEEK = 7 days;
    uint256 public constant MAXTIME = 4 * 365 days;

    string public constant name = "Vote-escrowed Blocktrack";
    string public constant symbol = "veBTK";
    uint8 public constant decimals = 18;

    struct Lock {
        uint256 amount;
        uint256 unlockTime;
    }

    /// @dev One owner's lock as it stood from `timestamp` until the owner's next point.
    struct LockPoint {
        uint256 timestamp;
        uint256 amount;
        uint256 unlockTime;
    }

    /// @dev Power of all locks (`bias`) and how fast it falls (`slope` per second) at `timestamp`.
    struct SupplyPoint {
        uint256 timestamp;
        uint256 bias;
        uint256 slope;
    }

    IERC20 public immutable token;

    mapping(address owner => Lock) public locked;
    mapping(uint256 week => uint256) public slopeEnding;
    mapping(address owner => LockPoint[]) private _lockHistory;
    SupplyPoint[] private _supplyHistory;

    /// @notice The owner's lock as it is now (amount 0 and unlock 0 after a withdrawal): mirrors need no other event.
    event LockChanged(address indexed owner, uint256 amount, uint256 unlockTime, uint256 timestamp);

    error ZeroAmount();
    error LockExists(uint256 amount, uint256 unlockTime);
    error NoLock();
    error LockExpired(uint256 unlockTime);
    error LockNotExpired(uint256 unlockTime);
    error UnlockNotInFuture(uint256 unlockTime);
    error UnlockTooFar(uint256 unlockTime, uint256 latest);
    error UnlockNotLater(uint256 unlockTime, uint256 current);

    constructor(IERC20 lockedToken) {
        token = lockedToken;
    }

    /// @notice Locks `amount` of the caller's BTK (approved to this contract) until `unlockTime`, rounded down to a week.
    function createLock(uint256 amount, uint256 unlockTime) external {
        Lock memory old = locked[msg.sender];
        if (amount == 0) revert ZeroAmount();
        if (old.amount != 0) revert LockExists(old.amount, old.unlockTime);
        uint256 unlock = _roundToWeek(unlockTime);
        if (unlock <= block.timestamp) revert UnlockNotInFuture(unlock);
        if (unlock > block.timestamp + MAXTIME) revert UnlockTooFar(unlock, block.timestamp + MAXTIME);
        _change(msg.sender, old, Lock(amount, unlock));
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Adds `amount` to the caller's running lock; the unlock time stays.
    function increaseAmount(uint256 amount) external {
        Lock memory old = locked[msg.sender];
        if (amount == 0) revert ZeroAmount();
        if (old.amount == 0) revert NoLock();
        if (old.unlockTime <= block.timestamp) revert LockExpired(old.unlockTime);
        _change(msg.sender, old, Lock(old.amount + amount, old.unlockTime));
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Moves the caller's running lock to a later unlock (rounded down to a week), at most MAXTIME from now.
    function increaseUnlockTime(uint256 unlockTime) external {
        Lock memory old = locked[msg.sender];
        if (old.amount == 0) revert NoLock();
        if (old.unlockTime <= block.timestamp) revert LockExpired(old.unlockTime);
        uint256 unlock = _roundToWeek(unlockTime);
        if (unlock <= old.unlockTime) revert UnlockNotLater(unlock, old.unlockTime);
        if (unlock > block.timestamp + MAXTIME) revert UnlockTooFar(unlock, block.timestamp + MAXTIME);
        _change(msg.sender, old, Lock(old.amount, unlock));
    }

    /// @notice Returns the caller's BTK once the lock has expired.
    function withdraw() external {
        Lock memory old = locked[msg.sender];
        if (old.amount == 0) revert NoLock();
        if (block.timestamp < old.unlockTime) revert LockNotExpired(old.unlockTime);
        _change(msg.sender, old, Lock(0, 0));
        token.safeTransfer(msg.sender, old.amount);
    }

    /// @notice Writes the supply as of now. Changes no value: it only shortens later walks over week boundaries.
    function checkpoint() external {
        _recordSupply(_supplyNow());
    }

    /// @notice Voting power of `owner` at unix time `timestamp` (the lock in force then, decayed to then).
    function balanceOfAt(address owner, uint256 timestamp) public view returns (uint256) {
        LockPoint[] storage history = _lockHistory[owner];
        uint256 n = _countAtOrBefore(history, timestamp);
        if (n == 0) return 0;
        LockPoint storage p = history[n - 1];
        return timestamp >= p.unlockTime ? 0 : (p.amount / MAXTIME) * (p.unlockTime - timestamp);
    }

    /// @notice Sum of every owner's voting power at unix time `timestamp`.
    function totalSupplyAt(uint256 timestamp) public view returns (uint256) {
        uint256 lo = 0;
        uint256 hi = _supplyHistory.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (_supplyHistory[mid].timestamp <= timestamp) lo = mid + 1;
            else hi = mid;
        }
        if (lo == 0) return 0;
        return _walk(_supplyHistory[lo - 1], timestamp).bias;
    }

    function balanceOf(address owner) external view returns (uint256) {
        return balanceOfAt(owner, block.timestamp);
    }

    function totalSupply() external view returns (uint256) {
        return totalSupplyAt(block.timestamp);
    }

    /// @notice How many points the owner's lock history holds (one per second in which the lock changed).
    function lockHistoryLength(address owner) external view returns (uint256) {
        return _lockHistory[owner].length;
    }

    /// @notice The ERC-6372 clock: unix seconds.
    function clock() external view returns (uint48) {
        return uint48(block.timestamp);
    }

    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    function _change(address owner, Lock memory old, Lock memory next) private {
        uint256 nowTs = block.timestamp;
        SupplyPoint memory point = _supplyNow();
        // An expired lock weighs nothing and its slope ended at its week already: only running locks move the supply.
        if (old.unlockTime > nowTs) {
            uint256 slope = old.amount / MAXTIME;
            point.bias -= slope * (old.unlockTime - nowTs);
            point.slope -= slope;
            slopeEnding[old.unlockTime] -= slope;
        }
        if (next.unlockTime > nowTs) {
            uint256 slope = next.amount / MAXTIME;
            point.bias += slope * (next.unlockTime - nowTs);
            point.slope += slope;
            slopeEnding[next.unlockTime] += slope;
        }
        _recordSupply(point);
        locked[owner] = next;
        LockPoint[] storage history = _lockHistory[owner];
        LockPoint memory entry = LockPoint(nowTs, next.amount, next.unlockTime);
        if (history.length > 0 && history[history.length - 1].timestamp == nowTs) history[history.length - 1] = entry;
        else history.push(entry);
        emit LockChanged(owner, next.amount, next.unlockTime, nowTs);
    }

    function _supplyNow() private view returns (SupplyPoint memory) {
        uint256 n = _supplyHistory.length;
        if (n == 0) return SupplyPoint(block.timestamp, 0, 0);
        return _walk(_supplyHistory[n - 1], block.timestamp);
    }

    /// @dev The supply at `timestamp` (not before `from`): linear between week boundaries, where the slopes of the
    /// locks ending there stop. Once the slope is zero every running lock weighs zero, and so does the rest.
    function _walk(SupplyPoint memory from, uint256 timestamp) private view returns (SupplyPoint memory p) {
        p = from;
        uint256 week = _roundToWeek(p.timestamp);
        while (p.slope != 0) {
            week += WEEK;
            if (week > timestamp) break;
            p.bias -= p.slope * (week - p.timestamp);
            p.slope -= slopeEnding[week];
            p.timestamp = week;
        }
        p.bias -= p.slope * (timestamp - p.timestamp);
        p.timestamp = timestamp;
    }

    function _recordSupply(SupplyPoint memory point) private {
        uint256 n = _supplyHistory.length;
        if (n > 0 && _supplyHistory[n - 1].timestamp == point.timestamp) _supplyHistory[n - 1] = point;
        else _supplyHistory.push(point);
    }

    function _countAtOrBefore(LockPoint[] storage history, uint256 timestamp) private view returns (uint256 lo) {
        uint256 hi = history.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) / 2;
            if (history[mid].timestamp <= timestamp) lo = mid + 1;
            else hi = mid;
        }
    }

    function _roundToWeek(uint256 timestamp) private pure returns (uint256) {
        return (timestamp / WEEK) * WEEK;
    }
}
