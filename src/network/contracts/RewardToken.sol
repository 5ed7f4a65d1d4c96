// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Lumbung Reward (LMB)
/// @notice The token nodes are paid in. Only the owner (the network) mints, so supply
/// follows what the network funds rather than anything a node can do.
contract RewardToken is ERC20, Ownable {
    constructor(address initialOwner) ERC20("Lumbung Reward", "LMB") Ownable(initialOwner) {}

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
