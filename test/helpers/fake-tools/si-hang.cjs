// Fake systeminformation whose graphics() blocks its thread, as execSync on a wedged
// driver does. Atomics.wait is a real synchronous block, like execSync.
module.exports = {
  version: () => 'fake-hang',
  graphics() {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120000);
    return Promise.resolve({ controllers: [], displays: [] });
  },
};
