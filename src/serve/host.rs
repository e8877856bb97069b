//! The `Host` header check that keeps a web page elsewhere from reading the
//! preview through DNS rebinding: a name the attacker controls first points
//! at their server, then at 127.0.0.1, and the browser sends it as `Host`.
//! Only `localhost` and IP literals the server can be reached at, with the
//! server's own port, are accepted; every other name is refused.

use std::net::IpAddr;

/// The hosts a server bound to one address and port answers to.
#[derive(Debug, Clone, Copy)]
pub struct Hosts {
    bound: IpAddr,
    port: u16,
}

impl Hosts {
    pub fn new(bound: IpAddr, port: u16) -> Hosts {
        Hosts { bound, port }
    }

    /// Whether a request with this `Host` header value may be answered.
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split(host) else {
            return false;
        };
        if port.unwrap_or(80) != self.port {
            return false;
        }
        if name.eq_ignore_ascii_case("localhost") {
            return true;
        }
        let Ok(ip) = name.parse::<IpAddr>() else {
            return false;
        };
        ip.is_loopback() || ip == self.bound || self.bound.is_unspecified()
    }
}

/// `name` and the port of a `Host` value (`[::1]:8080`, `localhost`).
fn split(host: &str) -> Option<(&str, Option<u16>)> {
    let host = host.trim();
    let (name, rest) = if let Some(v6) = host.strip_prefix('[') {
        let end = v6.find(']')?;
        (&v6[..end], &v6[end + 1..])
    } else {
        match host.rfind(':') {
            Some(i) => (&host[..i], &host[i..]),
            None => (host, ""),
        }
    };
    if name.is_empty() {
        return None;
    }
    let port = match rest {
        "" => None,
        p => Some(p.strip_prefix(':')?.parse().ok()?),
    };
    Some((name, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> Hosts {
        Hosts::new("127.0.0.1".parse().unwrap(), 8080)
    }

    #[test]
    fn accepts_the_names_of_this_machine_on_this_port() {
        let h = loopback();
        for ok in [
            "localhost:8080",
            "LocalHost:8080",
            "127.0.0.1:8080",
            "127.0.0.2:8080",
            "[::1]:8080",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
    }

    #[test]
    fn refuses_other_names_ports_and_garbage() {
        let h = loopback();
        for bad in [
            "evil.example:8080",
            "localhost.evil.example:8080",
            "127.0.0.1.nip.io:8080",
            "localhost:8081",
            "localhost",
            "127.0.0.1:80",
            "192.168.1.5:8080",
            "",
            ":8080",
            "[::1:8080",
            "localhost:x",
            "localhost:99999",
        ] {
            assert!(!h.allows(bad), "{bad}");
        }
    }

    #[test]
    fn port_80_may_be_left_out() {
        let h = Hosts::new("127.0.0.1".parse().unwrap(), 80);
        assert!(h.allows("localhost"));
        assert!(h.allows("localhost:80"));
    }

    #[test]
    fn a_bound_address_is_accepted_and_any_address_when_bound_to_all() {
        let lan = Hosts::new("192.168.1.5".parse().unwrap(), 8080);
        assert!(lan.allows("192.168.1.5:8080"));
        assert!(!lan.allows("192.168.1.6:8080"));
        assert!(!lan.allows("printer.local:8080"));
        let all = Hosts::new("0.0.0.0".parse().unwrap(), 8080);
        assert!(all.allows("10.0.0.7:8080"));
        assert!(all.allows("[fe80::1]:8080"));
        assert!(!all.allows("evil.example:8080"));
    }
}
