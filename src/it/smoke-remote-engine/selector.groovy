// Only where the test world's engine also listens on TCP (scripts/test.sh passes FASTAPI_TEST_TCP_ENGINE,
// empty when an engine reused from elsewhere does not).
if (!tcpEngine?.trim()) {
    println 'smoke-remote-engine: skipped, the test engine does not listen on TCP (FASTAPI_TEST_TCP_ENGINE is empty)'
    return false
}
true
