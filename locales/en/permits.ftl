### Tri-fold leaflet: residence and work permits.
### SAMPLE CONTENT to be reviewed by native speakers.
### Panels are 97–100 mm wide: keep translations about as long as the English.

permits-campaign-title = Residence and work permits
permits-title = Residence and work permits
permits-subtitle = What foreigners and stateless persons need to know
permits-temp-title = Temporary residence
permits-temp-intro = The { -service-name } issues a temporary residence permit as a permission card. Grounds include:
permits-ground-family = a close family relation to a citizen of Azerbaijan;
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment = an investment of at least { $investment } manat;
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property = real estate or a bank deposit worth at least { $deposit } manat;
permits-ground-specialist = work as a highly qualified specialist.
permits-when-title = When to apply
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    Apply at least { $apply-days ->
        [one] { $apply-days } day
       *[other] { $apply-days } days
    } before your current period of stay or residence ends.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    For a permanent residence permit, apply at least { $perm-months ->
        [one] { $perm-months } month
       *[other] { $perm-months } months
    } before your temporary permit expires. It is issued for { $perm-years ->
        [one] { $perm-years } year
       *[other] { $perm-years } years
    } and can be renewed.
permits-work-title = Work permits
permits-work-employer = Your employer applies for the work permit, not you.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    It is issued for { $wp-years ->
        [one] { $wp-years } year
       *[other] { $wp-years } years
    }, or for the length of your contract if that is shorter.
permits-work-extend = It can be extended, each time by up to one year.
permits-work-one-employer = It is valid for one employer only.
permits-work-exempt = Some people do not need a work permit, for example the spouse of a citizen of Azerbaijan. Ask the call centre whether this applies to you.
permits-checklist-title = Before you apply
permits-check-date = Check when your current permit or period of stay ends.
permits-check-documents = Make sure your passport is valid.
permits-check-ask = Ask the call centre which documents your case needs.

## Added to the leaflet's layout: permanent residence under its own heading,
## and the flap's list of what to bring (generic; check it against the rules
## in force before printing).
permits-perm-title = Permanent residence
permits-bring-title = What to bring
permits-bring-form = a completed application form;
permits-bring-passport = your passport and a copy of it;
permits-bring-photos = recent passport-size photographs;
permits-bring-grounds = documents that prove your grounds, for example a marriage certificate or an employment contract.
