// Checks what the example build wrote, against values worked by hand.
import groovy.json.JsonSlurper

def read = { String name ->
    File f = new File(basedir, "target/gradus/$name")
    assert f.isFile(): "missing $f"
    f.readLines().collect { new JsonSlurper().parseText(it) }
}

def quadratic = read('quadratic.jsonl')
assert quadratic*.kind == ['minimize', 'convexity']
assert quadratic[0].status == 'converged'
assert Math.abs(quadratic[0].x.x - 2) < 1e-8          // target = 2 from the POM
assert Math.abs(quadratic[0].x.y + 1) < 1e-8
assert quadratic[1].verdict == 'convex'

def calculus = read('calculus/derivatives.jsonl')
assert calculus[0] == [kind: 'gradient', at: [x: 2], value: [x: 12], norm: 12]     // d(x³)/dx = 3x² = 12
assert calculus[1].matrix == [[12]]                                              // d²(x³)/dx² = 6x = 12

String log = new File(basedir, 'build.log').text
assert log.contains('gradus: src/main/gradus/quadratic.opt: ok')
assert log.contains('2 scripts checked')
return true
