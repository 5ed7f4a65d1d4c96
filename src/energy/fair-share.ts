/**
 * The community's split of the village surplus. Every node runs this on the same inputs and
 * must get the same answer, with no coordinator: so it is pure, order-independent (members
 * are sorted by nodeId) and works in whole watts (no float drift between machines).
 *
 * Water-filling (max-min fairness): raise one common level until the surplus is used up;
 * each member gets min(what it wants, level). A member whose share would fall below its
 * minimum useful power gets nothing, and the rest is split again without it.
 */
export interface FairShareMember {
  nodeId: string;
  wantW: number;
  /** Below this the member cannot use its share at all (the GPU's minimum useful power). */
  minW: number;
}

export type FairShares = ReadonlyMap<string, number>;

const wholeWatts = (w: number): number => (Number.isFinite(w) && w > 0 ? Math.floor(w) : 0);

/** Plain water-filling of `surplusW` over members (ignores minW). */
export function waterFill(
  surplusW: number,
  members: readonly FairShareMember[],
): Map<string, number> {
  const byWant = [...members].sort(
    (a, b) => wholeWatts(a.wantW) - wholeWatts(b.wantW) || compareIds(a.nodeId, b.nodeId),
  );
  const shares = new Map<string, number>();
  let remaining = wholeWatts(surplusW);
  let level: number | null = null;
  for (const [i, member] of byWant.entries()) {
    const want = wholeWatts(member.wantW);
    // Once one member wants more than the even split of what is left, so do all after it
    // (sorted by want): they all get that same level.
    level ??=
      want <= Math.floor(remaining / (byWant.length - i))
        ? null
        : Math.floor(remaining / (byWant.length - i));
    const share = level === null ? want : Math.min(want, level);
    shares.set(member.nodeId, share);
    remaining -= share;
  }
  return shares;
}

/**
 * Shares for every member (0 for those left out). When several members fall short of their
 * minimum, only one leaves per round, so a surplus that can feed some of them is not wasted:
 * the one missing the most watts leaves first, ties broken by the larger nodeId.
 */
export function fairShares(surplusW: number, members: readonly FairShareMember[]): FairShares {
  const unique = new Map<string, FairShareMember>();
  const ordered = [...members].sort(
    (a, b) => compareIds(a.nodeId, b.nodeId) || a.wantW - b.wantW || a.minW - b.minW,
  );
  for (const m of ordered) {
    if (!unique.has(m.nodeId)) unique.set(m.nodeId, m);
  }
  let active = [...unique.values()].filter((m) => wholeWatts(m.wantW) > 0);
  const result = new Map<string, number>([...unique.keys()].map((id) => [id, 0]));
  for (;;) {
    const shares = waterFill(surplusW, active);
    let drop: { member: FairShareMember; deficit: number } | null = null;
    for (const member of active) {
      const deficit = member.minW - (shares.get(member.nodeId) ?? 0);
      if (deficit <= 0) continue;
      if (
        drop === null ||
        deficit > drop.deficit ||
        (deficit === drop.deficit && compareIds(member.nodeId, drop.member.nodeId) > 0)
      ) {
        drop = { member, deficit };
      }
    }
    if (drop === null) {
      for (const [id, share] of shares) result.set(id, share);
      return result;
    }
    const leaving = drop.member.nodeId;
    active = active.filter((m) => m.nodeId !== leaving);
  }
}

/** Code-unit order, the same on every machine and locale (unlike localeCompare). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
