//! The goal kinds, one per file, listed once. Each line names a kind's module,
//! its type and the name check files use for it.

super::registry::registry! {
    bench_metric::BenchMetric = "bench-metric",
    bench_relative::BenchRelative = "bench-relative",
    bench_not_slower::BenchNotSlower = "bench-not-slower",
    profile_function::ProfileFunction = "profile-function",
    profile_total::ProfileTotal = "profile-total",
    trace_leaks::TraceLeaks = "trace-leaks",
    trace_goroutines::TraceGoroutines = "trace-goroutines",
    trace_tasks::TraceTasks = "trace-tasks",
    trace_regions::TraceRegions = "trace-regions",
    trace_logs::TraceLogs = "trace-logs",
    trace_blocked::TraceBlocked = "trace-blocked",
    flight_recorder::FlightRecorder = "flight-recorder",
    trace_gc::TraceGc = "trace-gc",
    load_latency::LoadLatency = "load-latency",
    load_throughput::LoadThroughput = "load-throughput",
    load_errors::LoadErrors = "load-errors",
    endpoint::Endpoint = "endpoint",
    build_pgo::BuildPgo = "build-pgo",
}
