package org.gradus.dsl

import spock.lang.Specification

import javax.crypto.Mac
import javax.crypto.spec.SecretKeySpec
import java.nio.charset.StandardCharsets

/**
 * The cache seal's HMAC-SHA256, written over the JDK's SHA-256, against RFC 4231's test vectors and the
 * JDK's own {@code javax.crypto.Mac} (the independent references: the seal of an entry must not change
 * with the implementation, or every cached entry would fail it).
 */
class CacheSealSpec extends Specification {

    static byte[] bytes(String s) { s.getBytes(StandardCharsets.ISO_8859_1) }

    static byte[] repeat(int b, int n) {
        byte[] out = new byte[n]
        Arrays.fill(out, (byte) b)
        out
    }

    def "RFC 4231 test case #name"() {
        expect:
        CacheSeal.hmacSha256(key, data, 0, data.length).encodeHex().toString() == expected

        where:
        name | key              | data                                                               | expected
        '1'  | repeat(0x0b, 20) | bytes('Hi There')                                                  | 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'
        '2'  | bytes('Jefe')    | bytes('what do ya want for nothing?')                              | '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'
        '6'  | repeat(0xaa, 131) | bytes('Test Using Larger Than Block-Size Key - Hash Key First')   | '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54'
    }

    def "a slice of the data gives what javax.crypto.Mac gives for the same bytes (a 32-byte key, as the cache's)"() {
        given:
        byte[] key = new byte[32]
        for (int i = 0; i < 32; i++) key[i] = (byte) i
        byte[] data = bytes('xx' + 'abcdefgh' * 100 + 'yyy')
        Mac mac = Mac.getInstance('HmacSHA256')
        mac.init(new SecretKeySpec(key, 'HmacSHA256'))
        mac.update(data, 2, 800)

        expect:   // the value python's hmac module gives for these bytes, and the JDK's Mac
        CacheSeal.hmacSha256(key, data, 2, 800).encodeHex().toString() == '19de5a94176d05c4401ff5bd58aed462672d06222611f73f7a242a85ce8d7971'
        CacheSeal.hmacSha256(key, data, 2, 800) == mac.doFinal()
    }
}
