### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Broşür: yabancıların ve vatansız kişilerin hakları ve onlara yardım.
### ÖRNEK İÇERİK: anadili konuşan kişilerce gözden geçirilmelidir. Hukuki tavsiye değildir.

rights-campaign-title = Haklarınız ve nereden yardım alabilirsiniz
rights-title = Haklarınız ve nereden yardım alabilirsiniz
rights-subtitle = Azerbaycan'daki yabancılar ve vatansız kişiler için
rights-stateless-title = Vatansız kişi kimdir?
rights-stateless-definition = Vatansız kişi, hiçbir ülkenin kendi hukukuna göre vatandaşı saymadığı kişidir.
rights-stateless-conventions = Azerbaycan, Vatansız Kişilerin Statüsüne İlişkin 1954 Sözleşmesi'ne ve Vatansızlığın Azaltılmasına İlişkin 1961 Sözleşmesi'ne taraftır.
rights-register-title = Kaldığınız yeri kaydettirin
# Variables:
#   $days (Number) - days of stay after which registration is required
rights-register-arrival =
    Eğer { $days ->
        [one] { $days } günden
       *[other] { $days } günden
    } fazla kalacaksanız, geldiğiniz günden itibaren { $days ->
        [one] { $days } gün
       *[other] { $days } gün
    } içinde kaldığınız yeri kaydettirin.
# Variables:
#   $move-days (Number) - working days to register a new address
rights-register-moving =
    Taşındıktan sonra yeni adresinizi { $move-days ->
        [one] { $move-days } iş günü
       *[other] { $move-days } iş günü
    } içinde kaydettirin.
rights-detained-title = Gözaltına alınırsanız
rights-detained-information = Haklarınız hakkında anladığınız bir dilde bilgi isteyin.
rights-detained-interpreter = Konuşulan dili anlamıyorsanız tercüman isteyin.
rights-detained-contact = Bir aile üyenizin, bir avukatın veya ülkenizin konsolosluğunun bilgilendirilmesini isteyin.
rights-detained-note = Bu maddeler, özgürlüğünden yoksun bırakılan kişilere ilişkin uluslararası standartlara dayanır. Bu broşür hukuki tavsiye değildir.
rights-help-title = Nereden yardım alabilirsiniz
rights-help-intro = Çağrı merkezi kayıt, izinler ve statünüzle ilgili soruları yanıtlar.
