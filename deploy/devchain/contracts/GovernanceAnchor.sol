// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Public record of what the governance cluster decided.
/// @notice Anchors each DAO's constitution versions (by hash) and each proposal's final tally and ballot-set hash,
/// so anyone can check the cluster's off-chain results against an immutable log; and the running hash of the cluster's
/// audit log of privileged acts at increasing entry counts, so a rewritten or dropped audit entry shows. Only the owner and the publishers
/// it appoints may write; reads are open.
contract GovernanceAnchor is Ownable {
    /// @notice Proposal states, numbered like OpenZeppelin's IGovernor.ProposalState plus the cluster's Vetoed.
    uint8 public constant STATE_CANCELED = 2;
    uint8 public constant STATE_DEFEATED = 3;
    uint8 public constant STATE_SUCCEEDED = 4;
    uint8 public constant STATE_QUEUED = 5;
    uint8 public constant STATE_EXPIRED = 6;
    uint8 public constant STATE_EXECUTED = 7;
    uint8 public constant STATE_VETOED = 8;

    struct ProposalResult {
        uint8 state;
        uint256 forVotes;
        uint256 againstVotes;
        uint256 abstainVotes;
        bytes32 ballotSetHash;
        uint64 recordedAt;
        bool recorded;
    }

    mapping(address publisher => bool) public isPublisher;
    mapping(bytes32 daoKey => uint64) private _latestVersion;
    mapping(bytes32 daoKey => mapping(uint64 version => bytes32)) private _constitutions;
    mapping(bytes32 proposalKey => ProposalResult) private _results;
    mapping(uint64 seq => bytes32) private _auditHashes;
    uint64 public latestAuditSeq;

    event PublisherSet(address indexed publisher, bool allowed);
    event AuditRecorded(uint64 indexed seq, bytes32 runningHash, address publisher);
    event ConstitutionRecorded(
        bytes32 indexed daoKey, uint64 indexed version, string daoPath, bytes32 constitutionHash, address publisher
    );
    event ProposalResultRecorded(
        bytes32 indexed proposalKey,
        string proposalId,
        uint8 state,
        uint256 forVotes,
        uint256 againstVotes,
        uint256 abstainVotes,
        bytes32 ballotSetHash,
        address publisher
    );

    error NotPublisher(address account);
    error EmptyKey();
    error VersionNotIncreasing(string daoPath, uint64 latest, uint64 given);
    error InvalidState(uint8 state);
    error ResultAlreadyFinal(string proposalId, uint8 state);
    error TallyMismatch(string proposalId);
    error AuditNotIncreasing(uint64 latest, uint64 given);

    modifier onlyPublisher() {
        if (msg.sender != owner() && !isPublisher[msg.sender]) revert NotPublisher(msg.sender);
        _;
    }

    constructor(address initialOwner) Ownable(initialOwner) {}

    function setPublisher(address publisher, bool allowed) external onlyOwner {
        isPublisher[publisher] = allowed;
        emit PublisherSet(publisher, allowed);
    }

    /// @notice Records version `version` of a DAO's constitution; versions only move forward, so history is append-only.
    function recordConstitution(string calldata daoPath, uint64 version, bytes32 constitutionHash) external onlyPublisher {
        bytes32 key = _key(daoPath);
        uint64 latest = _latestVersion[key];
        if (version <= latest) revert VersionNotIncreasing(daoPath, latest, version);
        _latestVersion[key] = version;
        _constitutions[key][version] = constitutionHash;
        emit ConstitutionRecorded(key, version, daoPath, constitutionHash, msg.sender);
    }

    /// @notice Records a proposal's result once voting has closed. The tally is final from then on; the state may
    /// still advance from Succeeded or Queued to an end state (Executed, Expired, Canceled, Vetoed).
    function recordResult(
        string calldata proposalId,
        uint8 state,
        uint256 forVotes,
        uint256 againstVotes,
        uint256 abstainVotes,
        bytes32 ballotSetHash
    ) external onlyPublisher {
        if (state < STATE_CANCELED || state > STATE_VETOED) revert InvalidState(state);
        bytes32 key = _key(proposalId);
        ProposalResult storage result = _results[key];
        if (result.recorded) {
            if (result.state != STATE_SUCCEEDED && result.state != STATE_QUEUED) {
                revert ResultAlreadyFinal(proposalId, result.state);
            }
            if (
                result.forVotes != forVotes || result.againstVotes != againstVotes
                    || result.abstainVotes != abstainVotes || result.ballotSetHash != ballotSetHash
            ) revert TallyMismatch(proposalId);
            bool advances = state == STATE_QUEUED
                ? result.state == STATE_SUCCEEDED
                : state != STATE_SUCCEEDED && state != STATE_DEFEATED;
            if (!advances) revert InvalidState(state);
        }
        _results[key] = ProposalResult(
            state, forVotes, againstVotes, abstainVotes, ballotSetHash, uint64(block.timestamp), true
        );
        emit ProposalResultRecorded(
            key, proposalId, state, forVotes, againstVotes, abstainVotes, ballotSetHash, msg.sender
        );
    }

    /// @notice Records the audit log's running hash after entry `seq`; seqs only move forward, so the record is append-only.
    function recordAudit(uint64 seq, bytes32 runningHash) external onlyPublisher {
        if (seq <= latestAuditSeq) revert AuditNotIncreasing(latestAuditSeq, seq);
        latestAuditSeq = seq;
        _auditHashes[seq] = runningHash;
        emit AuditRecorded(seq, runningHash, msg.sender);
    }

    /// @notice The audit log's running hash recorded after entry `seq`; zero when none was recorded for that seq.
    function auditAt(uint64 seq) external view returns (bytes32) {
        return _auditHashes[seq];
    }

    /// @notice The newest constitution of a DAO; version 0 and a zero hash when none was recorded.
    function latestConstitution(string calldata daoPath) external view returns (uint64 version, bytes32 constitutionHash) {
        bytes32 key = _key(daoPath);
        version = _latestVersion[key];
        constitutionHash = _constitutions[key][version];
    }

    function constitutionAt(string calldata daoPath, uint64 version) external view returns (bytes32) {
        return _constitutions[_key(daoPath)][version];
    }

    /// @notice A proposal's recorded result; `recorded` is false when nothing was published for it.
    function resultOf(string calldata proposalId) external view returns (ProposalResult memory) {
        return _results[_key(proposalId)];
    }

    function _key(string calldata text) private pure returns (bytes32) {
        if (bytes(text).length == 0) revert EmptyKey();
        return keccak256(bytes(text));
    }
}
