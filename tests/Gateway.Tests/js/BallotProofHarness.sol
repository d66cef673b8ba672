// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// Test-only (never deployed by deploy/devchain): exposes OpenZeppelin's MerkleProof so the tests check the Gateway's
/// ballot proofs with the library a contract would use, and the ballot-set hash with the EVM's own keccak256.
contract BallotProofHarness {
    function verify(bytes32[] memory proof, bytes32 root, bytes32 leaf) external pure returns (bool) {
        return MerkleProof.verify(proof, root, leaf);
    }

    function processProof(bytes32[] memory proof, bytes32 leaf) external pure returns (bytes32) {
        return MerkleProof.processProof(proof, leaf);
    }

    /// keccak256 of the shard roots laid end to end, as the proposal's ballotSetHash is defined.
    function ballotSetHash(bytes32[] memory shardRoots) external pure returns (bytes32) {
        return keccak256(abi.encodePacked(shardRoots));
    }
}
