package dev.cartage.fetch.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host names read as numbers the way inet_aton reads them. */
class Ipv4NumbersTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1, CANONICAL", "8.8.8.8, 8.8.8.8, CANONICAL", "0.0.0.0, 0.0.0.0, CANONICAL",
            "2130706433, 127.0.0.1, OTHER", "0x7f000001, 127.0.0.1, OTHER", "0x7f.1, 127.0.0.1, OTHER",
            "0177.0.0.1, 127.0.0.1, OTHER", "0177.1, 127.0.0.1, OTHER", "127.1, 127.0.0.1, OTHER",
            "127.0.1, 127.0.0.1, OTHER", "017700000001, 127.0.0.1, OTHER", "0x7f.0x0.0x0.0x1, 127.0.0.1, OTHER",
            "0, 0.0.0.0, OTHER", "0x, 0.0.0.0, OTHER", "169.254.43518, 169.254.169.254, OTHER",
            "4294967295, 255.255.255.255, OTHER", "00000000127.0.0.1, 87.0.0.1, OTHER", "010.0.0.1, 8.0.0.1, OTHER",
            "0x0a.0.0.1, 10.0.0.1, OTHER", "1.2.3.0x4, 1.2.3.4, OTHER"})
    void numbersReadAsInetAton(String host, String address, Ipv4Numbers.Form form) {
        Ipv4Numbers.Reading reading = Ipv4Numbers.read(host);
        assertThat(reading.form()).isEqualTo(form);
        assertThat(reading.address().getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest(name = "{0} ends in a number but is no address")
    @ValueSource(strings = {"1.2.3.4.5", "256.0.0.1", "1.256.0.1", "1.2.65536", "4294967296", "08.0.0.1",
            "0x100.0.0.1", "0xfffffffff", "example.123", "1..2", "99999999999999999999"})
    void invalidNumbersAreInvalid(String host) {
        assertThat(Ipv4Numbers.read(host).form()).isEqualTo(Ipv4Numbers.Form.INVALID);
    }

    @ParameterizedTest(name = "{0} is a name")
    @ValueSource(strings = {"example.com", "localhost", "1.2.3.example", "0x7f.example", "a1", "123.example.org",
            "1e3", "127.0.0.1x"})
    void namesAreNames(String host) {
        assertThat(Ipv4Numbers.read(host).form()).isEqualTo(Ipv4Numbers.Form.NAME);
    }
}
