import Docker from 'dockerode';
import { randomBytes } from 'node:crypto';

/** The engine the tests use: DOCKER_HOST when set, otherwise the default socket. */
export function testDocker(): Docker {
  return new Docker();
}

/** A job id no other test run will use. */
export function uniqueJobId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Containers still present (running or not) for one job. */
export async function containersForJob(
  docker: Docker,
  jobId: string,
): Promise<Docker.ContainerInfo[]> {
  return docker.listContainers({ all: true, filters: { label: [`lumbung.job=${jobId}`] } });
}

/** Removes whatever a failed test left behind for these nodes. */
export async function removeNodeContainers(docker: Docker, nodeId: string): Promise<void> {
  const leftovers = await docker.listContainers({
    all: true,
    filters: { label: [`lumbung.node=${nodeId}`] },
  });
  await Promise.all(
    leftovers.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
}

/** The host's address on a bridge network, as seen from containers on it. */
export async function networkGateway(docker: Docker, network: string): Promise<string> {
  const info = (await docker.getNetwork(network).inspect()) as {
    IPAM?: { Config?: { Gateway?: string }[] };
  };
  const gateway = info.IPAM?.Config?.find((c) => c.Gateway)?.Gateway;
  if (!gateway) throw new Error(`network ${network} has no gateway`);
  return gateway;
}
