use super::*;

fn person(g: Gender, surname: bool) -> Role {
    Role { gender: g, person: true, surname }
}

const PLACE: Role = Role { gender: Gender::Unknown, person: false, surname: false };

fn all(w: &str, lang: Lang, r: Role) -> String {
    forms(w, lang, r).join(" ")
}

#[test]
fn russian_paradigms() {
    let m = person(Gender::Male, true);
    let f = person(Gender::Female, true);
    assert_eq!(
        all("Тихановская", Lang::Ru, f),
        "Тихановская Тихановской Тихановской Тихановскую Тихановской Тихановской"
    );
    assert_eq!(
        all("Тихановский", Lang::Ru, m),
        "Тихановский Тихановского Тихановскому Тихановского Тихановским Тихановском"
    );
    assert_eq!(all("Навальный", Lang::Ru, m), "Навальный Навального Навальному Навального Навальным Навальном");
    assert_eq!(
        all("Колесникова", Lang::Ru, f),
        "Колесникова Колесниковой Колесниковой Колесникову Колесниковой Колесниковой"
    );
    assert_eq!(all("Путин", Lang::Ru, m), "Путин Путина Путину Путина Путиным Путине");
    assert_eq!(all("Статкевич", Lang::Ru, m), "Статкевич Статкевича Статкевичу Статкевича Статкевичем Статкевиче");
    assert_eq!(all("Лукашенко", Lang::Ru, m), "Лукашенко Лукашенко Лукашенко Лукашенко Лукашенко Лукашенко");
    assert_eq!(all("Помпео", Lang::Ru, m), "Помпео Помпео Помпео Помпео Помпео Помпео");
    assert_eq!(all("Меркель", Lang::Ru, f), "Меркель Меркель Меркель Меркель Меркель Меркель");
    assert_eq!(all("Апанасюк", Lang::Ru, m), "Апанасюк Апанасюка Апанасюку Апанасюка Апанасюком Апанасюке");
    let g = person(Gender::Male, false);
    assert_eq!(all("Дмитрий", Lang::Ru, g), "Дмитрий Дмитрия Дмитрию Дмитрия Дмитрием Дмитрии");
    assert_eq!(all("Сергей", Lang::Ru, g), "Сергей Сергея Сергею Сергея Сергеем Сергее");
    assert_eq!(all("Игорь", Lang::Ru, g), "Игорь Игоря Игорю Игоря Игорем Игоре");
    assert_eq!(all("Никита", Lang::Ru, g), "Никита Никиты Никите Никиту Никитой Никите");
    let fg = person(Gender::Female, false);
    assert_eq!(all("Светлана", Lang::Ru, fg), "Светлана Светланы Светлане Светлану Светланой Светлане");
    assert_eq!(all("Мария", Lang::Ru, fg), "Мария Марии Марии Марию Марией Марии");
    assert_eq!(all("Ольга", Lang::Ru, fg), "Ольга Ольги Ольге Ольгу Ольгой Ольге");
    assert_eq!(all("Минск", Lang::Ru, PLACE), "Минск Минска Минску Минск Минском Минске");
    assert_eq!(all("Литва", Lang::Ru, PLACE), "Литва Литвы Литве Литву Литвой Литве");
    assert_eq!(all("Беларусь", Lang::Ru, PLACE), "Беларусь Беларуси Беларуси Беларусь Беларусью Беларуси");
    assert_eq!(all("Гомель", Lang::Ru, PLACE), "Гомель Гомеля Гомелю Гомель Гомелем Гомеле");
    assert_eq!(all("Гродно", Lang::Ru, PLACE), "Гродно Гродно Гродно Гродно Гродно Гродно");
}

#[test]
fn belarusian_paradigms() {
    let m = person(Gender::Male, true);
    let f = person(Gender::Female, true);
    assert_eq!(
        all("Ціханоўская", Lang::Be, f),
        "Ціханоўская Ціханоўскай Ціханоўскай Ціханоўскую Ціханоўскай Ціханоўскай"
    );
    assert_eq!(
        all("Ціханоўскі", Lang::Be, m),
        "Ціханоўскі Ціханоўскага Ціханоўскаму Ціханоўскага Ціханоўскім Ціханоўскім"
    );
    assert_eq!(all("Лукашэнка", Lang::Be, m), "Лукашэнка Лукашэнкі Лукашэнку Лукашэнку Лукашэнкам Лукашэнку");
    assert_eq!(
        all("Калеснікава", Lang::Be, f),
        "Калеснікава Калеснікавай Калеснікавай Калеснікаву Калеснікавай Калеснікавай"
    );
    assert_eq!(all("Пяскоў", Lang::Be, m), "Пяскоў Пяскова Пяскову Пяскова Пясковым Пяскове");
    assert_eq!(all("Пуцін", Lang::Be, m), "Пуцін Пуціна Пуціну Пуціна Пуціным Пуціну");
    assert_eq!(all("Статкевіч", Lang::Be, m), "Статкевіч Статкевіча Статкевічу Статкевіча Статкевічам Статкевічу");
    assert_eq!(all("Навальны", Lang::Be, m), "Навальны Навальнага Навальнаму Навальнага Навальным Навальным");
    assert_eq!(all("Пампеа", Lang::Be, m), "Пампеа Пампеа Пампеа Пампеа Пампеа Пампеа");
    let g = person(Gender::Male, false);
    assert_eq!(all("Сяргей", Lang::Be, g), "Сяргей Сяргея Сяргею Сяргея Сяргеем Сяргею");
    assert_eq!(all("Юрый", Lang::Be, g), "Юрый Юрыя Юрыю Юрыя Юрыем Юрыі");
    assert_eq!(all("Алесь", Lang::Be, g), "Алесь Алеся Алесю Алеся Алесем Алесю");
    let fg = person(Gender::Female, false);
    assert_eq!(all("Святлана", Lang::Be, fg), "Святлана Святланы Святлане Святлану Святланай Святлане");
    assert_eq!(all("Марыя", Lang::Be, fg), "Марыя Марыі Марыі Марыю Марыяй Марыі");
    assert_eq!(all("Вольга", Lang::Be, fg), "Вольга Вольгі Вользе Вольгу Вольгай Вользе");
    assert_eq!(all("Мінск", Lang::Be, PLACE), "Мінск Мінска Мінску Мінск Мінскам Мінску");
    assert_eq!(all("Брэст", Lang::Be, PLACE), "Брэст Брэста Брэсту Брэст Брэстам Брэсце");
    assert_eq!(all("Літва", Lang::Be, PLACE), "Літва Літвы Літве Літву Літвай Літве");
    assert_eq!(all("Беларусь", Lang::Be, PLACE), "Беларусь Беларусі Беларусі Беларусь Беларуссю Беларусі");
    assert_eq!(all("Гродна", Lang::Be, PLACE), "Гродна Гродна Гродну Гродна Гроднам Гродне");
    assert_eq!(all("Магілёў", Lang::Be, PLACE), "Магілёў Магілёва Магілёву Магілёў Магілёвам Магілёве");
    assert_eq!(all("ЗША", Lang::Be, PLACE), "ЗША ЗША ЗША ЗША ЗША ЗША");
    // Consonant alternations before -е: д → дз, т → ц, г → з, к → ц.
    assert_eq!(all("Канада", Lang::Be, PLACE), "Канада Канады Канадзе Канаду Канадай Канадзе");
    assert_eq!(all("Мальта", Lang::Be, PLACE), "Мальта Мальты Мальце Мальту Мальтай Мальце");
    assert_eq!(all("Рыга", Lang::Be, PLACE), "Рыга Рыгі Рызе Рыгу Рыгай Рызе");
    assert_eq!(all("Амерыка", Lang::Be, PLACE), "Амерыка Амерыкі Амерыцы Амерыку Амерыкай Амерыцы");
}

#[test]
fn adjectives_in_place_names() {
    let j = |w: &str, l: Lang| adjective_forms(w, l).unwrap().join(" ");
    assert_eq!(j("Новая", Lang::Ru), "Новая Новой Новой Новую Новой Новой");
    assert_eq!(j("Ближний", Lang::Ru), "Ближний Ближнего Ближнему Ближний Ближним Ближнем");
    assert_eq!(j("Блізкі", Lang::Be), "Блізкі Блізкага Блізкаму Блізкі Блізкім Блізкім");
    assert_eq!(j("Новая", Lang::Be), "Новая Новай Новай Новую Новай Новай");
    assert!(adjective_forms("Минск", Lang::Ru).is_none());
}

#[test]
fn irregular_words_take_their_listed_forms() {
    let place = Role { gender: Gender::Male, person: false, surname: false };
    assert_eq!(forms("Крэмль", Lang::Be, place)[5], "Крамлі");
    assert_eq!(forms("Усход", Lang::Be, place)[1], "Усходу");
    // Every data line is read: seven columns, a known language.
    let lines = IRREGULAR.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    assert!(lines.clone().count() >= 2);
    assert!(lines.into_iter().all(|l| l.split('\t').count() == 7
        && irregular(l.split('\t').nth(1).unwrap(), if l.starts_with("ru") { Lang::Ru } else { Lang::Be }).is_some()));
}
