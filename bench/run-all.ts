/** Runs every benchmark in turn and prints its figures. */
console.log('No benchmarks yet.');
