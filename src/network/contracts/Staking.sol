// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title Staking
/// @notice Nodes lock tokens as a promise of uptime. Leaving takes an unbonding period so
/// that downtime found late can still be slashed from tokens on their way out.
contract Staking is AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant SLASHER_ROLE = keccak256("SLASHER_ROLE");

    struct Unbonding {
        uint256 amount;
        uint256 releaseAt;
    }

    IERC20 public immutable token;
    uint256 public immutable unbondingPeriod;
    address public treasury;

    mapping(address node => uint256) private _stake;
    mapping(address node => Unbonding) private _unbonding;
    mapping(address node => uint256) private _slashCount;
    mapping(bytes32 evidenceHash => bool) public evidenceUsed;

    event Staked(address indexed node, uint256 amount);
    event UnstakeRequested(address indexed node, uint256 amount, uint256 releaseAt);
    event Withdrawn(address indexed node, uint256 amount);
    event Slashed(address indexed node, uint256 amount, bytes32 indexed evidenceHash);
    event TreasuryChanged(address indexed previousTreasury, address indexed newTreasury);

    error ZeroAmount();
    error ZeroAddress();
    error InsufficientStake(uint256 requested, uint256 staked);
    error NothingToWithdraw();
    error StillUnbonding(uint256 releaseAt);
    error NothingToSlash();
    error EvidenceReused(bytes32 evidenceHash);

    constructor(IERC20 token_, uint256 unbondingPeriod_, address treasury_, address admin) {
        if (address(token_) == address(0) || treasury_ == address(0) || admin == address(0)) revert ZeroAddress();
        token = token_;
        unbondingPeriod = unbondingPeriod_;
        treasury = treasury_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit TreasuryChanged(address(0), treasury_);
    }

    function stake(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        token.safeTransferFrom(msg.sender, address(this), amount);
        _stake[msg.sender] += amount;
        emit Staked(msg.sender, amount);
    }

    /// @notice Moves `amount` from active stake into unbonding. A second request adds to
    /// what is already unbonding and restarts the clock for all of it, so a node cannot
    /// keep a rolling window of instantly withdrawable stake.
    function requestUnstake(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        uint256 staked = _stake[msg.sender];
        if (amount > staked) revert InsufficientStake(amount, staked);
        _stake[msg.sender] = staked - amount;
        Unbonding storage u = _unbonding[msg.sender];
        u.amount += amount;
        u.releaseAt = block.timestamp + unbondingPeriod;
        emit UnstakeRequested(msg.sender, u.amount, u.releaseAt);
    }

    function withdraw() external nonReentrant {
        Unbonding memory u = _unbonding[msg.sender];
        if (u.amount == 0) revert NothingToWithdraw();
        if (block.timestamp < u.releaseAt) revert StillUnbonding(u.releaseAt);
        delete _unbonding[msg.sender];
        token.safeTransfer(msg.sender, u.amount);
        emit Withdrawn(msg.sender, u.amount);
    }

    /// @notice Takes up to `amount` from the node, active stake first, then unbonding, and
    /// sends it to the treasury. Each piece of evidence can be used once.
    function slash(address node, uint256 amount, bytes32 evidenceHash)
        external
        onlyRole(SLASHER_ROLE)
        nonReentrant
        returns (uint256 slashed)
    {
        if (amount == 0) revert ZeroAmount();
        if (evidenceUsed[evidenceHash]) revert EvidenceReused(evidenceHash);

        uint256 fromStake = _min(amount, _stake[node]);
        _stake[node] -= fromStake;
        uint256 fromUnbonding = _min(amount - fromStake, _unbonding[node].amount);
        _unbonding[node].amount -= fromUnbonding;
        slashed = fromStake + fromUnbonding;
        if (slashed == 0) revert NothingToSlash();

        evidenceUsed[evidenceHash] = true;
        _slashCount[node] += 1;
        token.safeTransfer(treasury, slashed);
        emit Slashed(node, slashed, evidenceHash);
    }

    function setTreasury(address newTreasury) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (newTreasury == address(0)) revert ZeroAddress();
        emit TreasuryChanged(treasury, newTreasury);
        treasury = newTreasury;
    }

    function stakeOf(address node) external view returns (uint256) {
        return _stake[node];
    }

    function unbondingOf(address node) external view returns (uint256 amount, uint256 releaseAt) {
        Unbonding memory u = _unbonding[node];
        return (u.amount, u.releaseAt);
    }

    function slashCount(address node) external view returns (uint256) {
        return _slashCount[node];
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }
}
