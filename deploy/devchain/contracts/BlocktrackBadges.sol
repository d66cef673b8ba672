// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/// @title Blocktrack participation badges: soulbound ERC-721 tokens on the L3.
/// @notice A badge is earned in the governance cluster (ballots cast, proposals passed, ...) and minted here by the
/// cluster's TimelockController, so a badge on chain always has an executed cause behind it. The token id follows
/// from (dao, badge, holder) alone, which lets the cluster know the id before it mints and makes a second mint of the
/// same badge for the same holder impossible. Badges never move: every transfer and approval reverts.
contract BlocktrackBadges is ERC721, Ownable {
    struct Badge {
        string dao;
        string badge;
    }

    mapping(uint256 tokenId => Badge) private _badges;

    /// @notice ERC-5192 (minimal soulbound NFTs): a token is locked from its mint on and never unlocked.
    event Locked(uint256 tokenId);
    event Unlocked(uint256 tokenId);

    /// @notice A badge was minted; carries the strings its id was made of (the cluster mirrors this with the Transfer).
    event BadgeMinted(address indexed to, uint256 indexed tokenId, string dao, string badge);

    /// @notice Badges are soulbound: transfers, burns and approvals are refused.
    error Soulbound(uint256 tokenId);
    error ApprovalsDisabled();
    error BadgeAlreadyMinted(uint256 tokenId);

    constructor(address timelock) ERC721("Blocktrack Badges", "BTKB") Ownable(timelock) {}

    /// @notice The id of the badge `badge` of DAO `dao` held by `holder`.
    function tokenIdOf(string memory dao, string memory badge, address holder) public pure returns (uint256) {
        return uint256(keccak256(abi.encode(dao, badge, holder)));
    }

    /// @notice Mints `badge` of `dao` to `to`; only the owner (the cluster's timelock), once per (dao, badge, holder).
    function mint(address to, string calldata dao, string calldata badge) external onlyOwner returns (uint256 tokenId) {
        tokenId = tokenIdOf(dao, badge, to);
        if (_ownerOf(tokenId) != address(0)) revert BadgeAlreadyMinted(tokenId);
        _badges[tokenId] = Badge(dao, badge);
        _mint(to, tokenId);
        emit Locked(tokenId);
        emit BadgeMinted(to, tokenId, dao, badge);
    }

    /// @notice The DAO path and badge id a token was minted for.
    function badgeOf(uint256 tokenId) external view returns (string memory dao, string memory badge) {
        _requireOwned(tokenId);
        Badge storage b = _badges[tokenId];
        return (b.dao, b.badge);
    }

    /// @notice Always true for a minted token (ERC-5192); reverts for an id that was never minted.
    function locked(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return true;
    }

    /// @notice On-chain JSON metadata naming the badge and its DAO, so no metadata server is needed.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        Badge storage b = _badges[tokenId];
        string memory dao = Strings.escapeJSON(b.dao);
        string memory badge = Strings.escapeJSON(b.badge);
        bytes memory json = abi.encodePacked(
            '{"name":"', badge, " (", dao, ')","description":"Blocktrack governance badge ', badge, " of the DAO ", dao,
            '; soulbound (ERC-5192)","attributes":[{"trait_type":"dao","value":"', dao,
            '"},{"trait_type":"badge","value":"', badge, '"}]}'
        );
        return string.concat("data:application/json;base64,", Base64.encode(json));
    }

    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        // ERC-5192's interface has the one function, so its id is that selector (0xb45a3c0e).
        return interfaceId == this.locked.selector || super.supportsInterface(interfaceId);
    }

    /// @dev Every path that moves a token ends here: only mints (from nobody) pass.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        address from = _ownerOf(tokenId);
        if (from != address(0)) revert Soulbound(tokenId);
        return super._update(to, tokenId, auth);
    }

    /// @dev Approvals could never be used, so granting one is refused rather than silently kept.
    function approve(address, uint256) public pure override {
        revert ApprovalsDisabled();
    }

    function setApprovalForAll(address, bool) public pure override {
        revert ApprovalsDisabled();
    }
}
