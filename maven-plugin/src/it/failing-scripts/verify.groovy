// The build failed, naming each failing script with its located message; the good script's results
// were still written, the failing ones' were not.
String log = new File(basedir, 'build.log').text
assert log.contains('2 Gradus scripts failed')
assert log.contains('src/main/gradus/assertion.opt:')
assert log.contains('assertion.opt:4:1: error: assertion failed')
assert log.contains('src/main/gradus/diverging.opt: minimize diverged')
assert new File(basedir, 'target/gradus/fine.jsonl').isFile()
assert !new File(basedir, 'target/gradus/assertion.jsonl').exists()
return true
