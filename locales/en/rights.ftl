### Brochure: rights of and help for foreigners and stateless persons.
### SAMPLE CONTENT to be reviewed by native speakers. Not legal advice.

rights-campaign-title = Your rights and where to get help
rights-title = Your rights and where to get help
rights-subtitle = For foreigners and stateless persons in Azerbaijan
rights-stateless-title = Who is a stateless person?
rights-stateless-definition = A stateless person is someone whom no country considers its citizen under its law.
rights-stateless-conventions = Azerbaijan is a party to the 1954 Convention relating to the Status of Stateless Persons and to the 1961 Convention on the Reduction of Statelessness.
rights-register-title = Register your place of stay
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    If you stay longer than { $days ->
        [one] { $days } day
       *[other] { $days } days
    }, register your place of stay within { $days ->
        [one] { $days } day
       *[other] { $days } days
    } of arrival.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    After moving, register your new address within { $move-days ->
        [one] { $move-days } working day
       *[other] { $move-days } working days
    }.
rights-detained-title = If you are detained
rights-detained-information = Ask for information about your rights in a language you understand.
rights-detained-interpreter = Ask for an interpreter if you do not understand the language that is spoken.
rights-detained-contact = Ask to inform a family member, a lawyer or the consulate of your country.
rights-detained-note = These points follow international standards for people deprived of their liberty. This brochure is not legal advice.
rights-help-title = Where to get help
rights-help-intro = The call centre answers questions about registration, permits and your status.
