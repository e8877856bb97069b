### SAMPLE CONTENT (machine-assisted draft): to be reviewed by a native speaker before printing.
### Üç qatlı buklet: yaşamaq və işləmək üçün icazələr.
### NÜMUNƏ MƏZMUN: ana dili daşıyıcıları tərəfindən yoxlanılmalıdır.
### Panellərin eni 97–100 mm-dir: tərcümələr təxminən ingiliscə mətn qədər uzun olmalıdır.

permits-campaign-title = Yaşamaq və işləmək üçün icazələr
permits-title = Yaşamaq və işləmək üçün icazələr
permits-subtitle = Əcnəbilər və vətəndaşlığı olmayan şəxslər nəyi bilməlidir
permits-temp-title = Müvəqqəti yaşamaq
permits-temp-intro = { -service-name } müvəqqəti yaşamaq üçün icazəni icazə vəsiqəsi şəklində verir. Əsaslardan bəziləri:
permits-ground-family = Azərbaycan vətəndaşı ilə yaxın qohumluq;
# Variables:
#   $investment (Number) - minimum investment in manat
permits-ground-investment = ən azı { $investment } manat məbləğində investisiya;
# Variables:
#   $deposit (Number) - minimum value in manat
permits-ground-property = dəyəri ən azı { $deposit } manat olan daşınmaz əmlak və ya bank depoziti;
permits-ground-specialist = yüksək ixtisaslı mütəxəssis kimi işləmək.
permits-when-title = Nə vaxt müraciət etməli
# Variables:
#   $apply-days (Number) - days before the current period ends
permits-apply-before =
    Hazırkı olma və ya yaşama müddətiniz bitməzdən ən azı { $apply-days ->
        [one] { $apply-days } gün
       *[other] { $apply-days } gün
    } əvvəl müraciət edin.
# Variables:
#   $perm-months (Number) - months before the temporary permit expires
#   $perm-years (Number) - validity of the permanent residence permit
permits-permanent =
    Daimi yaşamaq üçün icazəyə müvəqqəti icazənizin müddəti bitməzdən ən azı { $perm-months ->
        [one] { $perm-months } ay
       *[other] { $perm-months } ay
    } əvvəl müraciət edin. Bu icazə { $perm-years ->
        [one] { $perm-years } il
       *[other] { $perm-years } il
    } müddətinə verilir və uzadıla bilər.
permits-work-title = İş icazələri
permits-work-employer = İş icazəsi üçün Siz yox, işəgötürəniniz müraciət edir.
# Variables:
#   $wp-years (Number) - validity of a work permit
permits-work-term =
    İcazə { $wp-years ->
        [one] { $wp-years } il
       *[other] { $wp-years } il
    } müddətinə verilir; əmək müqaviləniz daha qısadırsa, müqavilənin müddətinə.
permits-work-extend = İcazə uzadıla bilər, hər dəfə ən çoxu bir il müddətinə.
permits-work-one-employer = İcazə yalnız bir işəgötürən üçün etibarlıdır.
permits-work-exempt = Bəzi şəxslərə iş icazəsi lazım deyil, məsələn, Azərbaycan vətəndaşının həyat yoldaşına. Bunun Sizə aid olub-olmadığını çağrı mərkəzindən soruşun.
permits-checklist-title = Müraciət etməzdən əvvəl
permits-check-date = Hazırkı icazənizin və ya olma müddətinizin nə vaxt bitdiyini yoxlayın.
permits-check-documents = Pasportunuzun etibarlı olduğuna əmin olun.
permits-check-ask = Sizin vəziyyətinizdə hansı sənədlərin lazım olduğunu çağrı mərkəzindən soruşun.

## SAMPLE CONTENT (machine-assisted draft), added with the leaflet's new layout: to be reviewed by a native speaker.
permits-perm-title = Daimi yaşamaq
permits-bring-title = Özünüzlə nə gətirməli
permits-bring-form = doldurulmuş ərizə forması;
permits-bring-passport = pasportunuz və onun surəti;
permits-bring-photos = son vaxtlarda çəkilmiş pasport ölçülü fotoşəkillər;
permits-bring-grounds = əsasınızı təsdiq edən sənədlər, məsələn, nikah şəhadətnaməsi və ya əmək müqaviləsi.
