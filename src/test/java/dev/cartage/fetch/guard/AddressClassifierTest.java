package dev.cartage.fetch.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.netty.util.NetUtil;

/** The deny list on addresses alone, no network: every denied range names its reason, public addresses pass. */
class AddressClassifierTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.255.255.254, loopback", "::1, loopback",
            "0.0.0.0, unspecified", "::, unspecified", "0.1.2.3, this-network", "0.255.255.255, this-network",
            "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.0.1, private",
            "fec0::1, private",
            "169.254.0.1, link-local", "169.254.169.254, link-local", "fe80::1, link-local", "febf::1, link-local",
            "100.64.0.0, cgnat", "100.127.255.255, cgnat",
            "fc00::1, unique-local", "fd00:ec2::254, unique-local", "fdff:ffff:ffff::1, unique-local",
            "224.0.0.1, multicast", "239.255.255.250, multicast", "ff02::1, multicast", "ff0e::1, multicast",
            "255.255.255.255, broadcast", "240.0.0.1, reserved", "254.1.2.3, reserved",
            "192.0.0.170, reserved", "192.88.99.1, reserved", "100::1, reserved", "2001:20::1, reserved",
            "::ffff:0:7f00:1, reserved", "4000::1, reserved", "e000::1, reserved",
            "64:ff9b::7f00:1, nat64", "64:ff9b::808:808, nat64", "64:ff9b:1::1, nat64",
            "2002:7f00:1::, 6to4", "2002:808:808::1, 6to4",
            "2001::1, teredo", "2001:0:4136:e378:8000:63bf:3fff:fdd2, teredo",
            "192.0.2.1, documentation", "198.51.100.1, documentation", "203.0.113.1, documentation",
            "2001:db8::1, documentation", "3fff::1, documentation",
            "198.18.0.1, benchmark", "198.19.255.255, benchmark",
            // IPv4 inside IPv6 is classified as the IPv4 address
            "::ffff:127.0.0.1, loopback", "::ffff:7f00:1, loopback", "::127.0.0.1, loopback",
            "::ffff:10.0.0.1, private", "::ffff:169.254.169.254, link-local", "::a9fe:a9fe, link-local",
            "::ffff:0.0.0.0, unspecified", "::0.0.0.2, this-network", "::ffff:100.64.0.1, cgnat"})
    void deniedAddressesNameTheirClass(String address, String reason) throws UnknownHostException {
        assertThat(AddressClassifier.classify(literal(address))).extracting(BlockReason::tag).isEqualTo(reason);
    }

    @ParameterizedTest(name = "{0} is public")
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "9.9.9.9", "100.63.255.255", "100.128.0.0",
            "172.15.255.255", "172.32.0.0", "192.167.255.255", "192.169.0.0", "169.253.255.255", "198.17.255.255",
            "198.20.0.0", "223.255.255.255", "11.0.0.1", "2606:4700::1111", "2001:4860:4860::8888",
            "2a00:1450:4001::1", "2002::", "::ffff:8.8.8.8", "2003::1", "3ffe::1"})
    void publicAddressesPass(String address) throws UnknownHostException {
        InetAddress inet = literal(address);
        if (address.equals("2002::")) {
            // 2002::/16 is 6to4 as a whole, including 2002:: itself: the check is that the range ends where it should
            assertThat(AddressClassifier.classify(inet)).isEqualTo(BlockReason.SIX_TO_FOUR);
            assertThat(AddressClassifier.classify(literal("2003::"))).isNull();
            return;
        }
        assertThat(AddressClassifier.classify(inet)).isNull();
    }

    private static InetAddress literal(String address) throws UnknownHostException {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        return bytes != null ? InetAddress.getByAddress(bytes) : InetAddress.getByName(address);
    }
}
