/** Every MQTT topic Lumbung uses, in one place so the docs and the code cannot drift. */
export const communityTopics = (communityId: string) => ({
  node: (nodeId: string) => `lumbung/${communityId}/nodes/${nodeId}`,
  allNodes: `lumbung/${communityId}/nodes/+`,
  surplus: `lumbung/${communityId}/surplus`,
});

export const loadTopics = (nodeId: string) => ({
  modeSet: `lumbung/${nodeId}/mode/set`,
  maxPowerSet: `lumbung/${nodeId}/maxPowerW/set`,
  state: `lumbung/${nodeId}/state`,
});

/** The last level of `lumbung/<community>/nodes/<nodeId>`, or null for any other topic. */
export function nodeIdFromTopic(communityId: string, topic: string): string | null {
  const prefix = `lumbung/${communityId}/nodes/`;
  if (!topic.startsWith(prefix)) return null;
  const id = topic.slice(prefix.length);
  return /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/.test(id) ? id : null;
}
