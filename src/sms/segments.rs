//! How many characters fit in one SMS, from the octets of a PDU's user data
//! (TS 23.040 §9.2.3.24): a message longer than one PDU is sent as several,
//! each carrying a user data header (UDH) that numbers it, and the header
//! takes room from the text.

/// The user data of one PDU.
pub const PDU_OCTETS: usize = 140;
/// The UDH's own length octet, present whenever there is a header.
const UDH_LENGTH_OCTET: usize = 1;
/// Concatenated short messages with an 8-bit reference (IEI 0x00): IEI,
/// length, reference, count, sequence number.
const CONCATENATION_IE_OCTETS: usize = 5;
/// A national language single or locking shift (IEI 0x24 / 0x25): IEI,
/// length, language identifier.
const NATIONAL_IE_OCTETS: usize = 3;

/// The octets of the user data header.
fn udh_octets(concatenated: bool, national_ies: usize) -> usize {
    if !concatenated && national_ies == 0 {
        return 0;
    }
    UDH_LENGTH_OCTET
        + if concatenated {
            CONCATENATION_IE_OCTETS
        } else {
            0
        }
        + national_ies * NATIONAL_IE_OCTETS
}

/// Septets of text in one PDU. The header starts the user data and the text
/// starts on the next septet boundary (fill bits), so the header takes
/// ⌈8·udh/7⌉ septets of the 160.
pub fn gsm_capacity(concatenated: bool, national_ies: usize) -> usize {
    (PDU_OCTETS - udh_octets(concatenated, national_ies)) * 8 / 7
}

/// UTF-16 code units of text in one PDU.
pub fn ucs2_capacity(concatenated: bool) -> usize {
    (PDU_OCTETS - udh_octets(concatenated, 0)) / 2
}

/// Units, segments and capacity per segment of a text whose characters cost
/// `costs` units each, none of which may be split across segments: a text
/// that fits `single` units is one PDU; a longer one is cut greedily into
/// PDUs of `concatenated` units, a character that does not fit whole in what
/// is left starting the next one. An empty text is still one PDU.
pub fn pack(
    costs: impl Iterator<Item = usize> + Clone,
    single: usize,
    concatenated: usize,
) -> (usize, usize, usize) {
    let units: usize = costs.clone().sum();
    if units <= single {
        return (units, 1, single);
    }
    let mut segments = 1;
    let mut used = 0;
    for cost in costs {
        if used + cost > concatenated {
            segments += 1;
            used = 0;
        }
        used += cost;
    }
    (units, segments, concatenated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacities_follow_from_the_octets() {
        assert_eq!(gsm_capacity(false, 0), 160);
        assert_eq!(gsm_capacity(true, 0), 153);
        assert_eq!(gsm_capacity(false, 1), 155);
        assert_eq!(gsm_capacity(false, 2), 152);
        assert_eq!(gsm_capacity(true, 1), 149);
        assert_eq!(gsm_capacity(true, 2), 146);
        assert_eq!(ucs2_capacity(false), 70);
        assert_eq!(ucs2_capacity(true), 67);
    }

    #[test]
    fn a_unit_that_does_not_fit_moves_whole_to_the_next_segment() {
        let ones = |n| std::iter::repeat_n(1, n);
        assert_eq!(pack(ones(0), 160, 153), (0, 1, 160));
        assert_eq!(pack(ones(160), 160, 153), (160, 1, 160));
        assert_eq!(pack(ones(161), 160, 153), (161, 2, 153));
        assert_eq!(pack(ones(306), 160, 153), (306, 2, 153));
        assert_eq!(pack(ones(307), 160, 153), (307, 3, 153));
        // 152 ones then a pair: the pair would take septets 153 and 154
        let straddling = ones(152).chain([2]).chain(ones(10));
        assert_eq!(pack(straddling, 160, 153), (164, 2, 153));
        let filling = ones(151).chain([2]).chain(ones(153));
        assert_eq!(pack(filling, 160, 153), (306, 2, 153));
        let pushed = ones(152).chain([2]).chain(ones(152));
        assert_eq!(pack(pushed, 160, 153), (306, 3, 153));
    }
}
