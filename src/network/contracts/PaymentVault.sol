// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// @title PaymentVault
/// @notice Holds the network's payments and releases them against cumulative vouchers.
/// A voucher says "node has earned `cumulative` in total"; the vault pays only the part
/// not yet claimed. That makes every voucher idempotent: the newest one is all a node
/// needs, lost or replayed older ones cannot pay twice.
contract PaymentVault is Ownable, Pausable, ReentrancyGuard, EIP712 {
    using SafeERC20 for IERC20;

    struct Voucher {
        address node;
        address payout;
        uint256 cumulative;
        uint256 nonce;
        uint256 deadline;
    }

    bytes32 public constant VOUCHER_TYPEHASH =
        keccak256("Voucher(address node,address payout,uint256 cumulative,uint256 nonce,uint256 deadline)");

    IERC20 public immutable token;
    address private _payer;
    mapping(address node => uint256) private _claimed;

    event Deposited(address indexed from, uint256 amount);
    event Claimed(address indexed node, address indexed payout, uint256 amount, uint256 cumulative);
    event PayerChanged(address indexed previousPayer, address indexed newPayer);

    error NothingToClaim(uint256 cumulative, uint256 alreadyClaimed);
    error BadSignature();
    error Expired(uint256 deadline);
    error Insufficient(uint256 needed, uint256 available);
    error ZeroAmount();
    error ZeroAddress();

    constructor(IERC20 token_, address payer_, address initialOwner)
        Ownable(initialOwner)
        EIP712("Lumbung PaymentVault", "1")
    {
        if (address(token_) == address(0) || payer_ == address(0)) revert ZeroAddress();
        token = token_;
        _payer = payer_;
        emit PayerChanged(address(0), payer_);
    }

    /// @notice Pulls `amount` tokens from the caller (normally the payer) into the vault.
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        token.safeTransferFrom(msg.sender, address(this), amount);
        emit Deposited(msg.sender, amount);
    }

    /// @notice Pays `v.cumulative - claimed(v.node)` to `v.payout`. Anyone may submit a
    /// voucher (a relayer can pay gas for a node): the money can only go to `v.payout`.
    function claim(Voucher calldata v, bytes calldata signature) external nonReentrant whenNotPaused {
        if (block.timestamp > v.deadline) revert Expired(v.deadline);
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(hashVoucher(v), signature);
        if (err != ECDSA.RecoverError.NoError || signer != _payer) revert BadSignature();
        if (v.payout == address(0)) revert ZeroAddress();

        uint256 already = _claimed[v.node];
        if (v.cumulative <= already) revert NothingToClaim(v.cumulative, already);
        uint256 amount = v.cumulative - already;
        uint256 available = token.balanceOf(address(this));
        if (amount > available) revert Insufficient(amount, available);

        _claimed[v.node] = v.cumulative;
        token.safeTransfer(v.payout, amount);
        emit Claimed(v.node, v.payout, amount, v.cumulative);
    }

    function hashVoucher(Voucher calldata v) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(abi.encode(VOUCHER_TYPEHASH, v.node, v.payout, v.cumulative, v.nonce, v.deadline))
        );
    }

    function claimed(address node) external view returns (uint256) {
        return _claimed[node];
    }

    function payer() external view returns (address) {
        return _payer;
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice Rotating the payer invalidates vouchers the old payer signed but not the
    /// amounts already claimed: `claimed` is per node, not per payer.
    function setPayer(address newPayer) external onlyOwner {
        if (newPayer == address(0)) revert ZeroAddress();
        emit PayerChanged(_payer, newPayer);
        _payer = newPayer;
    }

    function pause() external onlyOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }
}
